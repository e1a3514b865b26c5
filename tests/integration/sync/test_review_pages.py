"""Review pages never 500 on what a device sent: they name the bad file, allow a decision."""

from __future__ import annotations

from pathlib import Path

from reviewkit import push_crafted, reviewer
from synckit import Office, Reviewer
from test_tampering import raw_upload, rewrite, seal

from fieldapp.store import JobStore

MARKERS = "data/markers.geojson"


def _fc(coordinates: str) -> bytes:
    return (
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X1"},'
        f'"geometry":{{"type":"Point","coordinates":{coordinates}}}}}]}}'
    ).encode()


# (what the device put in data/markers.geojson, words the page must show about it)
CASES: dict[str, tuple[bytes | None, str]] = {
    "corrupt": (b'{"type": "FeatureCollection", "features": [', "JSON tidak sah"),
    "not-utf8": (b'{"name": "\xff\xfe\xc0"}', "bukan teks UTF-8"),
    "nan": (_fc("[NaN, -1.3]"), "bukan angka yang sah"),
    "infinity": (_fc("[Infinity, -1.3]"), "bukan angka yang sah"),
    "1e308": (_fc("[1e308, -1e308]"), "1 penanda tanpa koordinat yang sah"),
    "overflow": (_fc("[1e400, 1]"), "1 penanda tanpa koordinat yang sah"),
    "huge-int": (_fc("[" + "9" * 5000 + ", 1]"), "JSON tidak sah"),
    "deep": (b"[" * 200_000 + b"]" * 200_000, "bersarang terlalu dalam"),
    "wrong-shape": (b'{"features": "semua"}', "bukan FeatureCollection"),
    "wrong-types": (
        b'{"features": [1, {"geometry": null}, {"geometry": {"coordinates": ["a", true]}},'
        b' {"properties": [], "geometry": {"coordinates": [116.1, -1.3]}}]}',
        "2 penanda tanpa koordinat",
    ),
    "missing": (None, f"{MARKERS}: tidak ada dalam paket"),
}


def test_bad_package_files_give_a_page_that_names_them_and_allows_a_decision(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    # One office and one job: each case is the next revision of the same package.
    with reviewer(office, staff) as client:
        for case, (content, words) in CASES.items():

            def craft(files: dict[str, bytes], content: bytes | None = content) -> dict[str, bytes]:
                files = dict(files)
                if content is None:
                    files.pop(MARKERS)
                else:
                    files[MARKERS] = content
                return files

            page_url = push_crafted(job, office, device_token, exported=craft)
            page = client.get(page_url)
            assert page.status_code == 200, f"{case}: {page.status_code} {page.text[:300]}"
            assert "Masalah pada berkas paket" in page.text, case
            assert words in page.text, f"{case}: {words!r} not on the page"
            assert "value='accept'" in page.text, case
            # The reviewer can still decide: returning it with notes works as for any package.
            r = client.post(
                f"{page_url}/decision",
                data={"action": "return", "notes": f"{case}: berkas penanda rusak"},
                follow_redirects=False,
            )
            assert r.status_code == 303, f"{case}: {r.status_code} {r.text}"
        assert client.get("/review").status_code == 200


def test_a_good_package_shows_no_problems(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    page_url = push_crafted(job, office, device_token)
    with reviewer(office, staff) as client:
        page = client.get(page_url)
    assert page.status_code == 200
    assert "Masalah pada berkas paket" not in page.text
    assert "<circle" in page.text and "<polygon" in page.text  # markers and permit drawn
    assert "Package-Id" in page.text  # bag-info shown


def test_non_utf8_bag_info_is_refused_at_commit_with_a_reason(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    """Such a bag never becomes a package: the commit answers 422 and says which file."""
    sealed = seal(job)
    rewrite(sealed.bag_dir / "bag-info.txt", b"Package-Id: \xff\xfe\n")
    with JobStore.open(job) as store:
        job_id = str(store.db.execute("SELECT job_uuid FROM permit_area").fetchone()[0])
    r = raw_upload(office, device_token, sealed, job_id)
    assert r.status_code == 422 and "bag-info is not UTF-8" in r.json()["detail"]
    with reviewer(office, staff) as client:
        assert client.get("/review").status_code == 200


def test_missing_blob_on_the_office_disk_is_named_not_a_500(
    job: Path, office: Office, device_token: str, staff: Reviewer
) -> None:
    """Someone deleted blobs on the office machine: the page says so, downloads are 404."""
    page_url = push_crafted(job, office, device_token)
    with reviewer(office, staff) as client:
        listing = client.get(page_url).text
        sha = listing.split(f"{MARKERS}</a></td><td>")[1].split("<code>")[1][:16]
        for blob in (office.data / "blobs").rglob(f"{sha}*"):
            blob.unlink()
        page = client.get(page_url)
        download = client.get(f"{page_url}/files/{MARKERS}")
    assert page.status_code == 200 and "tidak terbaca di penyimpanan kantor" in page.text
    assert download.status_code == 404
