"""Parsing Kolada responses (v3 and v2) and the live client, with a fake HTTP session."""

import json
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
import requests

from infographic import kolada

# --- parsing ---------------------------------------------------------------------------


def test_parse_v3_rows_with_a_null_value_and_without_groups(data_dir):
    payload = kolada.load_file(data_dir / "kolada_v3_page1.json")
    rows = kolada.parse_data(payload)
    assert [(r.kpi, r.area, r.period, r.sex, r.value) for r in rows] == [
        ("N79173", "0020", 2024, "T", Decimal("61.2")),
        ("N79173", "0001", 2024, "T", Decimal("48.5")),
        ("N79173", "0003", 2024, "T", None),
    ]
    assert kolada.next_link(payload).endswith("page=2&per_page=5000")


def test_parse_v2_string_periods_next_page_and_deleted_rows(data_dir):
    payload = kolada.load_file(data_dir / "kolada_v2_deleted.json")
    rows = kolada.parse_data(payload)
    assert [(r.area, r.period, r.deleted) for r in rows] == [("0001", 2024, True), ("0004", 2024, False)]
    assert kolada.next_link(payload) is None
    assert kolada.next_link({"values": [], "next_page": "https://example.invalid/p2"}) == "https://example.invalid/p2"


def test_parse_metadata(data_dir):
    payload = kolada.load_file(data_dir / "kolada_kpi_meta.json")
    assert kolada.is_metadata(payload)
    assert kolada.parse_metadata(payload)["N79173"].startswith("Medicinsk bedömning")


@pytest.mark.parametrize("payload", [{"rows": []}, [], {"values": [{"kpi": "N1"}]},
                                     {"values": [{"kpi": "N1", "municipality": "0020", "period": "förra"}]}])
def test_a_response_that_is_not_kolada_data_is_refused_in_swedish(payload):
    with pytest.raises(kolada.KoladaError) as error:
        kolada.parse_data(payload)
    assert "Kolada" in str(error.value)


def test_a_broken_or_missing_file_gives_a_clear_message(data_dir, tmp_path):
    with pytest.raises(kolada.KoladaError, match="inte giltig JSON"):
        kolada.load_file(data_dir / "kolada_broken.json")
    with pytest.raises(kolada.KoladaError, match="finns inte"):
        kolada.load_file(tmp_path / "saknas.json")


# --- the live client ----------------------------------------------------------------------


class FakeResponse:
    def __init__(self, status, payload=None, headers=None):
        self.status_code = status
        self._payload = payload
        self.headers = headers or {}

    def json(self):
        if self._payload is None:
            raise ValueError("no json")
        return self._payload


class FakeSession:
    """Answers from a list of responses (or exceptions) and records each request."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.requests = []
        self.headers = {}

    def get(self, url, params=None, timeout=None):
        self.requests.append({"url": url, "params": params, "timeout": timeout})
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def client(answers):
    slept = []
    session = FakeSession(answers)
    return kolada.Client(session=session, sleep=slept.append), session, slept


def test_the_client_follows_next_url_until_it_is_absent(data_dir):
    page1 = json.loads((data_dir / "kolada_v3_page1.json").read_text())
    page2 = json.loads((data_dir / "kolada_v3_page2.json").read_text())
    c, session, _ = client([FakeResponse(200, page1), FakeResponse(200, page2)])
    pages = list(c.data_pages(["N79173"], [2024]))
    assert pages == [page1, page2]
    first, second = session.requests
    assert first["url"] == "https://api.kolada.se/v3/data/kpi/N79173/year/2024"
    assert first["params"] == {"per_page": 5000}
    assert second["url"] == page1["next_url"] and second["params"] is None
    assert first["timeout"] == kolada.TIMEOUT
    assert "GNV-portalen" in session.headers["User-Agent"]


def test_at_most_25_ids_per_path_segment():
    ids = [f"N{n:05d}" for n in range(30)]
    c, session, _ = client([FakeResponse(200, {"values": []}), FakeResponse(200, {"values": []})])
    list(c.data_pages(ids, [2023, 2024]))
    segments = [urlparse(r["url"]).path.split("/")[4] for r in session.requests]
    assert [len(s.split(",")) for s in segments] == [25, 5]
    assert all(r["url"].endswith("/year/2023,2024") for r in session.requests)


def test_429_and_5xx_are_retried_with_backoff():
    c, session, slept = client([FakeResponse(429, headers={"Retry-After": "3"}), FakeResponse(503),
                                FakeResponse(200, {"values": []})])
    assert c.get("https://api.kolada.se/v3/kpi/N79173") == {"values": []}
    assert len(session.requests) == 3
    assert slept == [3, 4.0]  # Retry-After first, then exponential back-off (2 s · 2¹)


def test_giving_up_after_the_retries_says_so_in_swedish():
    c, _, slept = client([FakeResponse(503)] * 5)
    with pytest.raises(kolada.KoladaError, match="upptaget"):
        c.get("https://api.kolada.se/v3/kpi/N79173")
    assert len(slept) == 4


def test_a_timeout_is_retried_then_reported():
    c, session, _ = client([requests.Timeout()] * 5)
    with pytest.raises(kolada.KoladaError, match="inte i tid"):
        c.get("https://api.kolada.se/v3/kpi/N79173")
    assert len(session.requests) == 5


def test_no_network_gives_a_clear_message_not_a_traceback():
    c, _, _ = client([requests.ConnectionError("Name or service not known")])
    with pytest.raises(kolada.KoladaError) as error:
        c.get("https://api.kolada.se/v3/kpi/N79173")
    assert str(error.value) == kolada.UNREACHABLE


def test_other_http_errors_are_not_retried():
    c, session, _ = client([FakeResponse(404)])
    with pytest.raises(kolada.KoladaError, match="404"):
        c.get("https://api.kolada.se/v3/kpi/X")
    assert len(session.requests) == 1


def test_titles_are_fetched_per_segment(data_dir):
    meta = json.loads((data_dir / "kolada_kpi_meta.json").read_text())
    c, session, _ = client([FakeResponse(200, meta)])
    titles = c.titles(["U79092", "N79173"])
    assert session.requests[0]["url"] == "https://api.kolada.se/v3/kpi/N79173,U79092"
    assert set(titles) == {"N79173", "U79092"}
    assert parse_qs(urlparse(session.requests[0]["url"]).query) == {}


def test_a_relative_next_url_is_resolved_against_the_api():
    c, session, _ = client([FakeResponse(200, {"values": [], "next_url": "/v3/data/kpi/N1/year/2024?page=2"}),
                            FakeResponse(200, {"values": []})])
    list(c.data_pages(["N1"], [2024]))
    assert session.requests[1]["url"] == "https://api.kolada.se/v3/data/kpi/N1/year/2024?page=2"
