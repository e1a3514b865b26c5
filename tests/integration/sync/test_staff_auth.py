"""Staff sign-in, lockout, CSRF and Origin on review actions, device revoke/expiry: real office."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
from synckit import Office, Reviewer, cookie_value, hidden_csrf, run_cli, set_cookies

from fieldapp.store import JobStore
from fieldapp.sync.outbox import list_outbox

EVIL = "http://evil.example"


def login_form(office: Office) -> tuple[str, str]:
    """(the login CSRF cookie, the hidden field) as a browser gets them."""
    page = httpx.get(f"{office.url}/review/login")
    assert page.status_code == 200 and "Kata sandi" in page.text and "Masuk" in page.text
    return cookie_value(set_cookies(page)["fieldapp_login"]), hidden_csrf(page.text)


def post_login(office: Office, name: str, password: str) -> httpx.Response:
    nonce, field = login_form(office)
    return httpx.post(
        f"{office.url}/review/login",
        data={"name": name, "password": password, "csrf": field},
        headers={"Origin": office.url, "Cookie": f"fieldapp_login={nonce}"},
    )


def session_get(office: Office, session: str, path: str = "/review") -> httpx.Response:
    return httpx.get(f"{office.url}{path}", headers={"Cookie": f"fieldapp_session={session}"})


def test_sign_in_cookie_flags_headers_and_sign_out(office: Office) -> None:
    anonymous = httpx.get(f"{office.url}/review")
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/review/login"
    password = office.add("staff", "sari")
    answer = post_login(office, "sari", password)
    assert answer.status_code == 303, answer.text
    line = set_cookies(answer)["fieldapp_session"]
    flags = {part.strip().lower() for part in line.split(";")[1:]}
    assert {"httponly", "secure", "samesite=strict", "path=/review"} <= flags
    session = cookie_value(line)

    page = session_get(office, session)
    assert page.status_code == 200 and "sari" in page.text and "Keluar" in page.text
    for response in (page, httpx.get(f"{office.url}/review/login")):
        csp = response.headers["content-security-policy"]
        for directive in ("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"):
            assert directive in csp
        assert "script-src" not in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
        assert response.headers["cache-control"] == "no-store"

    # Sign out needs the CSRF token too; afterwards the old cookie is worthless.
    cookie = {"Cookie": f"fieldapp_session={session}", "Origin": office.url}
    refused = httpx.post(f"{office.url}/review/logout", headers=cookie)
    assert refused.status_code == 403 and session_get(office, session).status_code == 200
    out = httpx.post(
        f"{office.url}/review/logout", headers=cookie, data={"csrf": hidden_csrf(page.text)}
    )
    assert out.status_code == 303 and out.headers["location"] == "/review/login"
    assert session_get(office, session).status_code == 303


def test_wrong_password_and_lockout(office: Office) -> None:
    password = office.add("staff", "sari")
    budi = Reviewer(office.url, "budi", office.add("staff", "budi"))
    wrong = post_login(office, "sari", "not-the-password")
    unknown = post_login(office, "nobody", "not-the-password")
    assert wrong.status_code == unknown.status_code == 401
    assert "Nama atau kata sandi salah" in wrong.text
    # The page does not tell whether the name exists.
    assert wrong.text.split("<form")[0] == unknown.text.split("<form")[0]
    for _ in range(4):
        assert post_login(office, "sari", "still-wrong-1").status_code == 401
    locked = post_login(office, "sari", password)  # even the right password now
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan gagal; coba lagi dalam 15 menit" in locked.text
    assert "fieldapp_session" not in set_cookies(locked)
    # Another staff member is not locked out by sari's failures.
    assert budi.sign_in().status_code == 303
    assert session_get(office, budi.session).status_code == 200
    # Disabling ends budi's session and refuses a new sign-in, with the same message.
    disabled = run_cli("office", "staff", "disable", "--data", str(office.data), "budi")
    assert disabled.returncode == 0, disabled.stderr
    assert session_get(office, budi.session).status_code == 303
    again = budi.sign_in()
    assert again.status_code == 401 and "Nama atau kata sandi salah" in again.text


def test_login_form_needs_its_token_and_origin(office: Office) -> None:
    password = office.add("staff", "sari")
    nonce, field = login_form(office)
    form = {"name": "sari", "password": password, "csrf": field}
    no_token = httpx.post(
        f"{office.url}/review/login",
        data={**form, "csrf": ""},
        headers={"Origin": office.url, "Cookie": f"fieldapp_login={nonce}"},
    )
    cross = httpx.post(
        f"{office.url}/review/login",
        data=form,
        headers={"Origin": EVIL, "Cookie": f"fieldapp_login={nonce}"},
    )
    assert no_token.status_code == cross.status_code == 403
    huge = httpx.post(
        f"{office.url}/review/login",
        content=b"name=" + b"x" * (1 << 20),
        headers={"Origin": office.url, "Cookie": f"fieldapp_login={nonce}"},
    )
    assert huge.status_code == 413


def test_review_action_refused_cross_origin_or_without_token(
    job: Path, office: Office, device_token: str
) -> None:
    push = ("--office", office.url, "--token", device_token)
    assert run_cli("sync", "seal", str(job)).returncode == 0
    assert run_cli("sync", "push", str(job), *push).returncode == 0
    with JobStore.open(job) as store:
        pid = list_outbox(store.db)[0].package_id
    reviewer = office.reviewer("sari")
    assert reviewer.sign_in().status_code == 303
    url = f"{office.url}/review/packages/{pid}/1"
    cookie = f"fieldapp_session={reviewer.session}"

    def state() -> str:
        page = session_get(office, reviewer.session, f"/review/packages/{pid}/1").text
        return page.split("class='state'>")[1].split("<")[0]

    before = state()
    assert before == "received"
    attempts = [
        # What a hostile page would send: another origin, a text/plain "simple" request.
        ({"Origin": EVIL, "Content-Type": "text/plain"}, f"action=accept&csrf={reviewer.csrf}"),
        ({"Origin": EVIL}, {"action": "accept", "csrf": reviewer.csrf}),
        ({"Referer": f"{EVIL}/x"}, {"action": "accept", "csrf": reviewer.csrf}),
        ({}, {"action": "accept", "csrf": reviewer.csrf}),  # no Origin, no Referer
        ({"Origin": office.url, "Content-Type": "text/plain"}, "action=accept"),
        ({"Origin": office.url}, {"action": "accept"}),  # same origin, no CSRF token
        ({"Origin": office.url}, {"action": "accept", "csrf": "0" * 64}),
    ]
    for headers, body in attempts:
        kwargs = {"content": body} if isinstance(body, str) else {"data": body}
        answer = httpx.post(f"{url}/decision", headers={"Cookie": cookie, **headers}, **kwargs)
        assert answer.status_code == 403, (headers, answer.text)
        assert state() == before
    assert "accept" not in session_get(office, reviewer.session, "/review/audit").text
    # Without a session at all, the right origin and token do not help either.
    anon = httpx.post(
        f"{url}/decision", headers={"Origin": office.url}, data={"action": "accept", "csrf": "x"}
    )
    assert anon.status_code == 403 and state() == before

    ok = httpx.post(
        f"{url}/decision",
        headers={"Cookie": cookie, "Referer": f"{url}"},
        data={"action": "accept", "csrf": reviewer.csrf},
    )
    assert ok.status_code == 303 and state() == "accepted"


def test_revoked_or_expired_device_token_gets_401(office: Office) -> None:
    def status(token: str) -> int:
        headers = {"Authorization": f"Bearer {token}"}
        return httpx.get(f"{office.url}/api/v1/assignments", headers=headers).status_code

    kept = office.add("device", "laptop-01", "--expires-days", "30")
    revoked = office.add("device", "laptop-02")
    expiring = office.add("device", "laptop-03", "--expires-days", "1")
    assert status(kept) == status(revoked) == status(expiring) == 200
    result = run_cli("office", "device", "revoke", "--data", str(office.data), "laptop-02")
    assert result.returncode == 0, result.stderr
    # A day passes for laptop-03's token (sqlite: this office's default database).
    with sqlite3.connect(office.data / "office.sqlite") as conn:
        conn.execute(
            "UPDATE device SET expires_at = '2000-01-01T00:00:00.000+00:00' WHERE name = ?",
            ["laptop-03"],
        )
    assert status(revoked) == status(expiring) == 401
    assert status(kept) == 200
    never = run_cli(
        "office", "device", "add", "--data", str(office.data), "--expires-days", "0", "x"
    )
    assert never.returncode == 2 and "--expires-days 0" in never.stderr
    bad = run_cli("office", "device", "revoke", "--data", str(office.data), "nope")
    assert bad.returncode == 2 and "nope" in bad.stderr and "Traceback" not in bad.stderr
