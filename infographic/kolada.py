"""Kolada's open API: parsing its data responses, and a careful live client.

Responses (API v3, https://api.kolada.se/v3):
  data: {"values": [{"kpi", "municipality", "period", "values": [{"gender", "value", "status", "count"}]}],
         "next_url": …}
  KPI metadata: {"values": [{"id", "title", "is_divided_by_gender", "municipality_type", …}]}
v2 responses (shut down 2026-03-31, still found in saved files) had `next_page`, string
periods and rows with `isdeleted`. A null value is missing, never 0. Group ids ("G…")
are left out: they are not areas to compare with.
"""

import json
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import urljoin

import requests

BASE_URL = "https://api.kolada.se/v3"
MAX_IDS_PER_SEGMENT = 25
PER_PAGE = 5000
USER_AGENT = "GNV-portalen/1.0 (RSS Dalarna; uppföljning av God och nära vård; https://www.regiondalarna.se/plus/)"
TIMEOUT = (10, 60)  # connect, read (seconds)
RETRY_STATUSES = {429, 500, 502, 503, 504}
UNREACHABLE = ("Kunde inte nå Kolada (api.kolada.se). Kontrollera nätverksanslutningen och försök igen, "
               "eller ladda upp ett sparat svar från Kolada (JSON) som fil.")


class KoladaError(Exception):
    """A problem worth telling the user, in Swedish."""


@dataclass(frozen=True)
class Row:
    kpi: str
    area: str
    period: int
    sex: str
    value: Decimal | None
    deleted: bool = False


def _period(raw):
    try:
        return int(str(raw).strip())
    except (TypeError, ValueError):
        raise KoladaError(f"Ogiltig period i Kolada-svaret: {raw!r}.") from None


def _value(raw):
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        raise KoladaError(f"Ogiltigt värde i Kolada-svaret: {raw!r}.") from None


def is_metadata(payload):
    values = payload.get("values") if isinstance(payload, dict) else None
    return bool(values) and isinstance(values[0], dict) and "title" in values[0] and "kpi" not in values[0]


def parse_metadata(payload):
    """KPI id → title from a /v3/kpi response."""
    return {item["id"]: item.get("title", "") for item in payload.get("values", []) if "id" in item}


def parse_data(payload):
    """Rows of a data response (v3 or v2). Raises KoladaError on a malformed response."""
    if not isinstance(payload, dict) or not isinstance(payload.get("values"), list):
        raise KoladaError("Svaret ser inte ut som ett Kolada-svar: fältet ”values” saknas.")
    rows = []
    for item in payload["values"]:
        try:
            kpi, area, period = item["kpi"], str(item["municipality"]), _period(item["period"])
            entries = item.get("values") or []
        except (KeyError, TypeError):
            raise KoladaError("Svaret ser inte ut som ett Kolada-svar: en rad saknar kpi, municipality "
                              "eller period.") from None
        if area.upper().startswith("G"):
            continue
        deleted = bool(item.get("isdeleted"))
        for entry in entries:
            sex = entry.get("gender", "T")
            if sex not in ("T", "K", "M"):
                raise KoladaError(f"Okänt kön i Kolada-svaret: {sex!r}.")
            rows.append(Row(kpi=kpi, area=area, period=period, sex=sex, value=_value(entry.get("value")),
                            deleted=deleted or bool(entry.get("isdeleted"))))
    return rows


def next_link(payload):
    """The next page: v3's `next_url`, or v2's `next_page`."""
    return payload.get("next_url") or payload.get("next_page") or None


def load_file(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise KoladaError(f"Filen {path} finns inte.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise KoladaError(f"Filen {path} är inte giltig JSON: {error}.") from None


def chunks(ids, size=MAX_IDS_PER_SEGMENT):
    ids = list(ids)
    return [ids[i:i + size] for i in range(0, len(ids), size)]


class Client:
    """One request at a time, with timeouts, a descriptive User-Agent and back-off on 429/5xx."""

    def __init__(self, session=None, base_url=BASE_URL, retries=4, backoff=2.0, sleep=time.sleep):
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep

    def get(self, url, params=None):
        for attempt in range(self.retries + 1):
            try:
                response = self.session.get(url, params=params, timeout=TIMEOUT)
            except requests.Timeout:
                if attempt == self.retries:
                    raise KoladaError("Kolada svarade inte i tid. Försök igen senare.") from None
            except requests.RequestException:
                raise KoladaError(UNREACHABLE) from None
            else:
                if response.status_code not in RETRY_STATUSES:
                    if response.status_code != 200:
                        raise KoladaError(f"Kolada svarade med fel {response.status_code} för {url}.")
                    try:
                        return response.json()
                    except ValueError:
                        raise KoladaError(f"Kolada skickade ett svar som inte är JSON ({url}).") from None
                if attempt == self.retries:
                    raise KoladaError(f"Kolada är upptaget eller har fel (status {response.status_code}). "
                                      "Försök igen senare.")
                retry_after = response.headers.get("Retry-After", "")
                if retry_after.isdigit():
                    self.sleep(min(int(retry_after), 120))
                    continue
            self.sleep(self.backoff * (2 ** attempt))
        raise KoladaError(UNREACHABLE)  # not reached: the loop returns or raises

    def titles(self, kpi_ids):
        """KPI id → current title."""
        found = {}
        for group in chunks(sorted(kpi_ids)):
            found.update(parse_metadata(self.get(f"{self.base_url}/kpi/{','.join(group)}")))
        return found

    def data_pages(self, kpi_ids, years):
        """Every page of values for the KPIs and years, all areas (municipalities and regions)."""
        year_segment = ",".join(str(y) for y in sorted(years))
        for group in chunks(sorted(kpi_ids)):
            url = f"{self.base_url}/data/kpi/{','.join(group)}/year/{year_segment}"
            params = {"per_page": PER_PAGE}
            while url:
                page = self.get(url, params)
                yield page
                link = next_link(page)
                url, params = (urljoin(url, link) if link else None), None
