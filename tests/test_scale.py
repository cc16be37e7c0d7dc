"""The site at a size beyond the seed data: synthetic data (bench/synthetic.py) stays valid, and
listing pages are grouped so that no page grows with the whole country."""

from __future__ import annotations

from bench import synthetic
from conftest import build_site
from macros.site import MAP_PAGE_LIMIT

SCALE = synthetic.Scale(methods=20, services=MAP_PAGE_LIMIT + 100, municipalities=30, regions=3, organisations=10, life_situations=2)


def test_more_services_than_a_page_holds_are_grouped_by_area(tmp_path):
    data = synthetic.write(tmp_path / "data", SCALE)
    built = build_site(data, tmp_path / "site", strict=False)
    assert built.result.returncode == 0, built.output

    service_map = built.html("palvelukartta")
    assert 'class="pk-service"' not in service_map  # no card on the map page itself
    assert 'href="../alueet/alue-0/"' in service_map and 'href="../alueet/kunta-0/"' in service_map

    municipality = built.html("alueet/kunta-0")
    region = built.html("alueet/alue-0")
    own = [s for s in built.site.joinpath("palvelut").iterdir()]
    assert len(own) == SCALE.services
    assert municipality.count('class="pk-service"') > region.count('class="pk-service"') > 0

    pages = [p for p in built.site.rglob("*.html") if "pagefind" not in p.parts]
    largest = max(pages, key=lambda p: p.stat().st_size)
    assert largest.stat().st_size < 200_000, largest
