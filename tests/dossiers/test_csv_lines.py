"""read_csv: file lines, short and long rows, every bad row in one load (issue 11, items 4-6, 14).

Oracles are the files themselves: each test writes lines whose numbers are known
(header = line 1) and checks that every problem is reported on its line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cchc._data import data_path
from cchc._optional import require_extra
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.csv_file import LINE_FIELD, tokenize
from cchc.errors import BatchValidationError, DataFileError, NaiveDatetimeError, ValidationError

frame_mod = require_extra("cchc.dossiers.table.frame", "pandas")
read_csv = frame_mod.read_csv

HEADER = "agency,channel,received_at,amount,unit,finished_at"
GOOD = 'A,online,2025-03-03T09:00:00+07:00,5,working_days,"2025-03-04T10:00:00+07:00"'
BUNDLED = str(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv"))


def write(tmp_path: Path, *lines: str, name: str = "d.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def located(err: pytest.ExceptionInfo[BatchValidationError]) -> list[tuple[int | None, str]]:
    return [(e.row, e.field or "") for e in err.value.errors]


def test_a_row_with_too_few_fields_is_reported_not_padded(tmp_path: Path) -> None:
    # Item 4: the short line 3 lacks finished_at; padding it would make a finished dossier
    # unfinished. It must be a bad row on its line.
    short = "A,online,2025-03-03T09:00:00+07:00,5,working_days"
    path = write(tmp_path, HEADER, GOOD, short, GOOD)
    with pytest.raises(BatchValidationError) as err:
        read_csv(path)
    assert located(err) == [(3, LINE_FIELD)]
    assert "5 fields but the header has 6" in str(err.value)


def test_lines_are_file_lines_with_quoted_newlines_and_blank_lines(tmp_path: Path) -> None:
    # Item 5: line 2 holds a quoted line break (lines 2-3), line 4 is blank, line 6 is only
    # spaces; the naive datetime on line 7 must be reported as line 7.
    path = write(
        tmp_path,
        HEADER,
        '"A\nB",online,2025-03-03T09:00:00+07:00,5,working_days,',
        "",
        GOOD,
        "   ",
        "A,online,2025-03-03 09:00,5,working_days,",
    )
    with pytest.raises(BatchValidationError) as err:
        read_csv(path)
    assert located(err) == [(7, "received_at")]
    assert isinstance(err.value.errors[0], NaiveDatetimeError)
    frame, bad = read_csv(path, on_bad_rows="collect")
    assert frame.row_numbers.tolist() == [2, 5]  # the blank lines 4 and 6 are skipped
    assert frame.group("agency")[1][0] == "A\nB"
    assert bad["row"].tolist() == [7]


def test_one_load_reports_every_bad_row(tmp_path: Path) -> None:
    # Item 6: an extra field on line 2 must not hide the short line 4, the bad values of
    # line 5, nor the second extra field on line 6.
    path = write(
        tmp_path,
        HEADER,
        GOOD + ",EXTRA",
        GOOD,
        "A,online",
        "A,fax,2025-03-03T09:00:00+07:00,-1,weeks,",
        GOOD + ",X,Y",
    )
    with pytest.raises(BatchValidationError) as err:
        read_csv(path)
    assert located(err) == [
        (2, LINE_FIELD),
        (4, LINE_FIELD),
        (5, "channel"),
        (5, "amount"),
        (5, "unit"),
        (6, LINE_FIELD),
    ]
    # the count says rows, then problems
    assert str(err.value).startswith(f"{path}: 4 bad rows (6 problems): row 2, field (line)")


def test_collect_returns_the_good_rows_and_a_table_of_the_bad(tmp_path: Path) -> None:
    path = write(
        tmp_path, HEADER, GOOD, "A,online", GOOD, "A,fax,2025-03-03T09:00:00+07:00,5,days,"
    )
    frame, bad = read_csv(path, on_bad_rows="collect")
    assert len(frame) == 2
    assert frame.row_numbers.tolist() == [2, 4]
    assert {"row", "field", "message"} <= set(bad.columns)
    assert bad[["row", "field"]].values.tolist() == [[3, LINE_FIELD], [5, "channel"]]
    assert bad["error"].tolist() == ["ValidationError", "ValidationError"]
    out = evaluate(frame).to_pandas()
    assert out.index.name == "row" and out.index.tolist() == [2, 4]  # file lines
    assert str(out.loc[4, "timeliness"]) == "early"
    with pytest.raises(BatchValidationError):
        read_csv(path)  # on_bad_rows="raise" stays the default


def test_fast_and_reference_tokenizers_give_the_same_rows(tmp_path: Path) -> None:
    # The bundled file is regular (pyarrow path); the same file with one blank line at the
    # end takes the csv-module path. Both must give the same columns and the same lines.
    text = Path(BUNDLED).read_text(encoding="utf-8")
    regular = tokenize(BUNDLED, source="b")
    other = tmp_path / "blank_end.csv"
    other.write_text(text + "\n", encoding="utf-8")
    reference = tokenize(other, source="o")
    assert regular.lines.tolist() == reference.lines.tolist() == list(range(2, 1002))
    for name in regular.header:
        assert list(regular.columns[name]) == list(reference.columns[name]), name
    a, b = read_csv(BUNDLED), read_csv(other)
    assert np.array_equal(a.received_at, b.received_at)
    assert np.array_equal(a.finished_at, b.finished_at, equal_nan=True)


def test_a_semicolon_file_names_the_delimiter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER.replace(",", ";"),
        "A;online;2025-03-03T09:00:00+07:00;5;working_days;",
    )
    with pytest.raises(DataFileError, match="separated by ';'") as err:
        read_csv(path)
    assert "delimiter=';'" in str(err.value) and err.value.row == 1
    assert len(read_csv(path, delimiter=";")) == 1


def test_not_utf8_names_the_line_and_bad_arguments_are_typed(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes((HEADER + "\n" + GOOD + "\n").encode() + b"Ph\xf2ng,online\n")
    with pytest.raises(DataFileError, match="not UTF-8") as err:
        read_csv(path)
    assert err.value.row == 3
    with pytest.raises(ValidationError) as bad:
        read_csv(BUNDLED, on_bad_rows="keep")
    assert bad.value.field == "on_bad_rows"


def test_an_unclosed_quote_names_the_line_it_opens(tmp_path: Path) -> None:
    plain = "A,online,2025-03-03T09:00:00+07:00,5,days,"
    path = write(tmp_path, HEADER, GOOD, '"' + plain, plain)
    with pytest.raises(DataFileError, match="starts on line 3") as err:
        read_csv(path)
    assert err.value.row == 3


def test_evaluate_errors_name_the_file_line(tmp_path: Path) -> None:
    # A receipt outside the official calendar (2099) on line 5, after a blank line 3:
    # evaluate reports line 5, as the loader would.
    far = "A,online,2099-03-02T09:00:00+07:00,5,working_days,"
    path = write(tmp_path, HEADER, GOOD, "", GOOD, far)
    with pytest.raises(BatchValidationError) as err:
        evaluate(read_csv(path))
    assert [e.row for e in err.value.errors] == [5]
    assert err.value.source == str(path)


@pytest.mark.parametrize("delimiter", [None, ";;", '"'])
def test_bad_arguments_are_validation_errors(delimiter: object) -> None:
    with pytest.raises(ValidationError) as err:
        read_csv(BUNDLED, delimiter=delimiter)
    assert err.value.field == "delimiter"
    with pytest.raises(ValidationError) as err:
        read_csv(5)
    assert err.value.field == "path"
