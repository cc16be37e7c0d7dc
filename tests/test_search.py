"""Search quality in the real search UI: the query set of tests/search_queries.yml, with floors."""

from __future__ import annotations

from bench.search_eval import load_queries, report, run_queries, scores

FLOOR_RECALL, FLOOR_MRR, FLOOR_CATEGORY = 0.95, 0.85, 0.9


def test_search_finds_the_expected_page_for_how_finns_type(browser, served_site, capsys):
    queries = load_queries()
    assert len(queries) >= 60
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outcomes = run_queries(context.new_page(), served_site, queries)
    context.close()
    table = scores(outcomes)
    with capsys.disabled():
        print("\n" + report(outcomes))
    recall, mrr, _ = table["kaikki"]
    assert recall >= FLOOR_RECALL and mrr >= FLOOR_MRR, report(outcomes)
    assert {name: r for name, (r, _, _) in table.items() if r < FLOOR_CATEGORY} == {}, report(outcomes)
