"""The desk page in a real headless browser (Debian's chromium and chromium-driver).

The page is served by ``cchc serve`` started as a separate process; the browser runs with
background networking off, so the page must work with no internet (no CDN). The test picks
a procedure, a receipt moment and a channel, reads the due moment and its explanation,
downloads the receipt slip (.docx) and checks the month view marks days off and make-up
Saturdays. ``CCHC_DESK_SCREENSHOT=path.png`` also saves a screenshot (docs/figures).

Oracle for the month view: Công văn 12729 (registry CV12729-2025), Saturday 10/1/2026 is a
make-up working day; 1/1/2026 is Tết Dương lịch (a day off).
"""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.dossiers import due_date
from cchc.procedures import load_sample_catalogue

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if CHROMIUM is None or DRIVER is None:
    if os.environ.get("CCHC_REQUIRE_BROWSER"):
        raise RuntimeError("CCHC_REQUIRE_BROWSER is set but chromium/chromedriver are missing")
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)

PROCEDURE = "1.014010"  # Cấp Giấy phép hoạt động hỗ trợ nạn nhân (one publisher)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1360,1400",
        "--lang=vi-VN",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "intl.accept_languages": "vi-VN,vi",
        },
    )
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.downloads = downloads  # type: ignore[attr-defined]
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: webdriver.Chrome, condition: object, seconds: float = 20) -> object:
    return WebDriverWait(driver, seconds).until(condition)  # type: ignore[arg-type]


def test_desk_due_date_explanation_slip_and_month(
    browser: webdriver.Chrome, live_server: str
) -> None:
    from datetime import datetime

    from cchc.tz import VN_TZ

    browser.get(live_server + "/")
    _wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    select = Select(browser.find_element(By.ID, "procedure"))
    option = next(o for o in select.options if o.get_attribute("value").startswith(PROCEDURE))
    select.select_by_value(option.get_attribute("value"))
    assert not browser.find_element(By.ID, "amount").is_displayed()  # the catalogue's limit
    Select(browser.find_element(By.ID, "channel")).select_by_value("online")
    received = browser.find_element(By.ID, "received")
    browser.execute_script("arguments[0].value = '2026-01-09T15:30'", received)
    browser.find_element(By.ID, "compute").click()
    _wait(browser, lambda d: d.find_element(By.ID, "result").is_displayed())

    procedure = load_sample_catalogue().find(PROCEDURE)[0]
    amount, unit = procedure.time_limit_for("online").engine_terms()
    expected = due_date(datetime(2026, 1, 9, 15, 30, tzinfo=VN_TZ), amount, unit)
    shown = browser.find_element(By.ID, "due-at").text
    assert shown.startswith(expected.strftime("%H:%M"))
    assert expected.strftime("%d/%m/%Y") in shown
    steps = browser.find_elements(By.CSS_SELECTOR, "#steps li")
    assert len(steps) >= 2
    assert any("Căn cứ:" in s.text for s in steps)

    # the month of the receipt: 1/1/2026 off, Saturday 10/1/2026 a make-up working day
    assert browser.find_element(By.ID, "month-title").text == "Tháng 1/2026"
    assert (
        browser.find_element(By.CSS_SELECTOR, 'td[data-date="2026-01-10"]').get_attribute("class")
        == "makeup"
    )
    assert "off" in browser.find_element(
        By.CSS_SELECTOR, 'td[data-date="2026-01-01"]'
    ).get_attribute("class")
    assert "weekend" in browser.find_element(
        By.CSS_SELECTOR, 'td[data-date="2026-01-11"]'
    ).get_attribute("class")

    browser.find_element(By.ID, "dossier-code").send_keys("000.00.12.H42-260109-0001")
    browser.find_element(By.ID, "applicant").send_keys("Nguyễn Văn A")
    browser.find_element(By.ID, "officer").send_keys("Trần Thị B")
    browser.find_element(By.ID, "papers").send_keys("Đơn đề nghị cấp giấy phép")
    shot = os.environ.get("CCHC_DESK_SCREENSHOT")
    if shot:
        browser.execute_script("window.scrollTo(0, 0)")
        browser.save_screenshot(shot)
    browser.find_element(By.ID, "slip-docx").click()
    folder: Path = browser.downloads  # type: ignore[attr-defined]
    end = time.monotonic() + 20
    files: list[Path] = []
    while time.monotonic() < end:
        files = list(folder.glob("*.docx"))
        if files:
            break
        time.sleep(0.2)
    assert files, browser.find_element(By.ID, "error").text
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(files[0].read_bytes())).paragraphs)
    assert "Nguyễn Văn A" in text

    browser.find_element(By.ID, "next-month").click()
    _wait(browser, lambda d: d.find_element(By.ID, "month-title").text == "Tháng 2/2026")


def test_desk_shows_problems_in_vietnamese(browser: webdriver.Chrome, live_server: str) -> None:
    browser.get(live_server + "/")
    _wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    Select(browser.find_element(By.ID, "procedure")).select_by_value("")
    received = browser.find_element(By.ID, "received")
    browser.execute_script("arguments[0].value = '2040-01-09T15:30'", received)
    browser.find_element(By.ID, "compute").click()
    _wait(browser, lambda d: d.find_element(By.ID, "error").is_displayed())
    assert "lịch làm việc" in browser.find_element(By.ID, "error").text
