"""Reform areas (nội dung cải cách hành chính) of the national master programmes.

The two master programmes of state administrative reform (Chương trình tổng thể
cải cách hành chính nhà nước) split the work into six areas each, but not the
same six:

* Nghị quyết 30c/NQ-CP (08/11/2011), 2011-2020: thể chế; thủ tục hành chính;
  tổ chức bộ máy; xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức,
  viên chức; tài chính công; hiện đại hóa hành chính.
* Nghị quyết 76/NQ-CP (15/07/2021), 2021-2030: thể chế; thủ tục hành chính;
  tổ chức bộ máy; chế độ công vụ; tài chính công; Chính phủ điện tử, Chính phủ số.

Plans and reports also carry a section "công tác chỉ đạo, điều hành" (direction
and management), which is not one of the programme areas but is section I of
every periodic report and an area of the PAR INDEX; it is
:attr:`ReformArea.CHI_DAO_DIEU_HANH`.

    >>> ReformArea("che_do_cong_vu").vietnamese
    'Cải cách chế độ công vụ'
    >>> ReformArea.HIEN_DAI_HOA.vietnamese
    'Hiện đại hóa hành chính'
"""

from __future__ import annotations

import enum

__all__ = ["ReformArea"]

_VIETNAMESE: dict[str, str] = {
    "chi_dao_dieu_hanh": "Công tác chỉ đạo, điều hành cải cách hành chính",
    "the_che": "Cải cách thể chế",
    "thu_tuc_hanh_chinh": "Cải cách thủ tục hành chính",
    "to_chuc_bo_may": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "doi_ngu_can_bo": "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
    "che_do_cong_vu": "Cải cách chế độ công vụ",
    "tai_chinh_cong": "Cải cách tài chính công",
    "hien_dai_hoa": "Hiện đại hóa hành chính",
    "chinh_phu_so": "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số",
}


class ReformArea(enum.StrEnum):
    """A reform area (nội dung / lĩnh vực cải cách hành chính).

    The value is a stable ASCII identifier used in data files; the Vietnamese
    name is :attr:`vietnamese`. Which areas a programme has is data
    (``cchc/plans/data/programmes.yaml``), not this enum.
    """

    CHI_DAO_DIEU_HANH = "chi_dao_dieu_hanh"
    """Công tác chỉ đạo, điều hành (direction and management; report section I)."""
    THE_CHE = "the_che"
    """Cải cách thể chế (institutional reform; both programmes)."""
    THU_TUC_HANH_CHINH = "thu_tuc_hanh_chinh"
    """Cải cách thủ tục hành chính (administrative procedures; both programmes)."""
    TO_CHUC_BO_MAY = "to_chuc_bo_may"
    """Cải cách tổ chức bộ máy hành chính nhà nước (organisation; both programmes)."""
    DOI_NGU_CAN_BO = "doi_ngu_can_bo"
    """Xây dựng và nâng cao chất lượng đội ngũ CBCCVC (civil servants; NQ 30c only)."""
    CHE_DO_CONG_VU = "che_do_cong_vu"
    """Cải cách chế độ công vụ (civil service regime; NQ 76/2021 only)."""
    TAI_CHINH_CONG = "tai_chinh_cong"
    """Cải cách tài chính công (public finance; both programmes)."""
    HIEN_DAI_HOA = "hien_dai_hoa"
    """Hiện đại hóa hành chính (modernisation; NQ 30c only)."""
    CHINH_PHU_SO = "chinh_phu_so"
    """Chính phủ điện tử, Chính phủ số (e-/digital government; NQ 76/2021 only)."""

    @property
    def vietnamese(self) -> str:
        """The Vietnamese name of the area."""
        return _VIETNAMESE[self.value]
