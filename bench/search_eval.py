"""Search quality in the real search UI: recall@5 and MRR per query category.

    .venv/bin/python -m bench.search_eval [--site-dir DIR] [--queries FILE ...]

Types each query of tests/search_queries.yml (and of tests/search_queries_unseen.yml, a second
set written before later tuning and never tuned on, to show whether a change generalises) into the site's search box in headless
Chromium, reads the result pages in order and scores whether the expected page is among
the first five. The test suite runs the same evaluation with floors; this prints the table.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yml"
UNSEEN = ROOT / "tests" / "search_queries_unseen.yml"
RESULT_LINKS = "[data-pk-results] a[data-pk-link]"
SETTLED = "[data-pk-search]:not([aria-busy]) [data-pk-status] > *"


@dataclass(frozen=True)
class Outcome:
    query: str
    expected: str
    category: str
    results: tuple[str, ...]  # page paths, best first, without repeats

    @property
    def rank(self) -> int | None:
        return self.results.index(self.expected) + 1 if self.expected in self.results[:5] else None


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_queries(page, base: str, queries: list[dict]) -> list[Outcome]:
    """Search as a person would: the field on every page sends the query to the search page."""
    outcomes = []
    for item in queries:
        page.goto(f"{base}haku/?q={quote(item['kysely'])}")
        outcomes.append(Outcome(item["kysely"], item["sivu"], item["luokka"], settled_results(page, base)))
    return outcomes


def settled_results(page, base: str) -> tuple[str, ...]:
    """Result pages once two readings 200 ms apart agree (results arrive asynchronously)."""
    previous = None
    for _ in range(40):
        page.wait_for_timeout(200)
        done = page.locator(SETTLED).count() > 0
        hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")
        current = tuple(dict.fromkeys(urlsplit(h).path.removeprefix(urlsplit(base).path) for h in hrefs))
        if done and current == previous:
            return current
        previous = current
    return previous or ()


def scores(outcomes: list[Outcome]) -> dict[str, tuple[float, float, int]]:
    """recall@5, MRR and count per category, and over all queries under 'kaikki'."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.category].append(outcome)
        groups["kaikki"].append(outcome)
    table = {}
    for name, group in groups.items():
        recall = sum(o.rank is not None for o in group) / len(group)
        mrr = sum(1 / o.rank for o in group if o.rank) / len(group)
        table[name] = (recall, mrr, len(group))
    return table


def report(outcomes: list[Outcome]) -> str:
    lines = [f"{'luokka':<14}{'recall@5':>10}{'MRR':>8}{'kyselyjä':>10}"]
    for name, (recall, mrr, count) in sorted(scores(outcomes).items(), key=lambda kv: (kv[0] == "kaikki", kv[0])):
        lines.append(f"{name:<14}{recall:>10.2f}{mrr:>8.2f}{count:>10}")
    empty = [o.query for o in outcomes if not o.results]
    lines.append(f"Kyselyjä ilman yhtään tulosta: {len(empty)}" + (f" ({'; '.join(empty)})" if empty else ""))
    later = [o for o in outcomes if o.rank and o.rank > 1]
    if later:
        lines.append("Ei ensimmäisenä: " + "; ".join(f"'{o.query}' → {o.rank}. ({o.results[0]})" for o in later))
    misses = [o for o in outcomes if o.rank is None]
    if misses:
        lines.append("Ohi viiden parhaan: " + "; ".join(f"'{o.query}' → {o.expected} (tulokset: {', '.join(o.results[:3]) or 'ei tuloksia'})" for o in misses))
    return "\n".join(lines)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.weight import BROWSER_ARGS, CHROMIUM, built_site, serve

    parser = argparse.ArgumentParser(description="Haun laatu oikeassa hakukäyttöliittymässä.")
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--queries", type=Path, nargs="+", default=[QUERIES, UNSEEN])
    args = parser.parse_args()
    site = built_site(args.site_dir)
    server, base = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for path in args.queries:
                print(f"\n{path.name}\n{report(run_queries(page, base, load_queries(path)))}")
            browser.close()
    finally:
        server.shutdown()
    from bench.scale import SEARCH_QUERIES, search_payload

    for query in SEARCH_QUERIES:
        total, engine, per_query = search_payload(site, query)
        print(f"Haku '{query}': kyselyn osat {per_query / 1024:.0f} kt (≤ 100 kt), ensimmäinen haku ml. hakukone {total / 1024:.0f} kt (≤ 400 kt)")


if __name__ == "__main__":
    main()
