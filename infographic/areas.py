"""Names of Kolada areas outside the kernel's reference data: the 21 regions as Kolada numbers them."""

REGIONS = {
    "0001": "Region Stockholm", "0003": "Region Uppsala", "0004": "Region Sörmland",
    "0005": "Region Östergötland", "0006": "Region Jönköpings län", "0007": "Region Kronoberg",
    "0008": "Region Kalmar län", "0009": "Region Gotland", "0010": "Region Blekinge", "0012": "Region Skåne",
    "0013": "Region Halland", "0014": "Västra Götalandsregionen", "0017": "Region Värmland",
    "0018": "Region Örebro län", "0019": "Region Västmanland", "0020": "Region Dalarna",
    "0021": "Region Gävleborg", "0022": "Region Västernorrland", "0023": "Region Jämtland Härjedalen",
    "0024": "Region Västerbotten", "0025": "Region Norrbotten",
}
COUNTRY = ("0000", "Riket")


def area_names(municipalities=()):
    """Code → name for the regions, the country and the given municipalities."""
    names = dict(REGIONS)
    names[COUNTRY[0]] = COUNTRY[1]
    names.update({m.code: m.name for m in municipalities})
    return names
