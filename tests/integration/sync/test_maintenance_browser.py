"""Headless Chromium: the per-WIUP overview as a reviewer sees it, overdue cells marked."""

from __future__ import annotations

from pathlib import Path

from reviewkit import reviewer
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from synckit import Office, Reviewer
from test_maintenance_packages import accept, inspect, install, open_reinstallation, seal_push
from test_review_browser import browser  # noqa: F401 (the fixture)


def test_overview_in_the_browser(
    job: Path,
    office: Office,
    device_token: str,
    staff: Reviewer,
    browser: WebDriver,  # noqa: F811
    tmp_path: Path,
) -> None:
    install(job, {"1": 400, "2": 400, "3": 100, "4": 30})
    inspect(job, "1", 30, "baik", check=(0.012, 0.05, True))
    inspect(job, "2", 250, "tercabut")
    client = reviewer(office, staff)
    pid, rev, _ = seal_push(job, office, device_token)
    accept(client, office, job, device_token, pid, rev)
    inspect(job, "4", 3, "hilang")
    open_reinstallation(job, "4", "Tanda Batas hilang, tertimbun longsoran")
    pid, rev, _ = seal_push(job, office, device_token)
    accept(client, office, job, device_token, pid, rev)

    browser.get(f"{office.url}/review/login")
    browser.find_element(By.NAME, "name").send_keys(staff.name)
    browser.find_element(By.NAME, "password").send_keys(staff.password)
    browser.find_element(By.XPATH, "//button[text()='Masuk']").click()
    # The sign-in lands on the package list first; only then to the overview (else a link
    # of the package list, still loading, could be the one clicked).
    wait = WebDriverWait(browser, 20)
    wait.until(lambda d: d.current_url == f"{office.url}/review")
    browser.get(f"{office.url}/review/wiup")
    wait.until(lambda d: d.current_url == f"{office.url}/review/wiup")
    browser.find_element(By.PARTIAL_LINK_TEXT, "WIUP Sungai Batu").click()
    wait.until(lambda d: "kondisi Tanda Batas" in d.title)
    assert "kondisi Tanda Batas" in browser.title
    rows = browser.find_elements(By.CSS_SELECTOR, "table.wiup tr.overdue")
    assert [r.find_element(By.TAG_NAME, "td").text for r in rows] == ["2"]
    late = rows[0].find_element(By.CSS_SELECTOR, "td.late")
    # The stylesheet (allowed by the page's CSP) marks the overdue cell red.
    assert late.text == "TERLAMBAT" and late.value_of_css_property("color") == "rgba(153, 0, 0, 1)"
    browser.set_window_size(1400, 900)
    browser.save_screenshot(str(tmp_path / "wiup-overview.png"))
    browser.get(f"{office.url}/review/wiup")
    browser.save_screenshot(str(tmp_path / "wiup-list.png"))
    browser.get(f"{office.url}/review/packages/{pid}/{rev}")
    new = browser.find_elements(By.CSS_SELECTOR, "td.new")
    assert [c.text for c in new].count("baru") == 2  # the visit to 4 and its reinstallation
    browser.save_screenshot(str(tmp_path / "package.png"))
