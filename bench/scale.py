"""National scale benchmark: one run prints every figure of the scale goal side by side.

    python -m bench.scale [--methods 500] [--services 10000] [--municipalities 300] [--regions 21] [--no-profile] [--disk] [--repeat 2]

1. writes synthetic data at the chosen scale (bench/synthetic.py) into a temporary folder
   (on /dev/shm when it has room, so that the disk's waits do not blur the figures);
2. builds the project from it (`mkdocs build`, SITE_DATA_DIR), timing it and its peak memory;
3. builds the floor: a plain Material site (no macros, no hooks) with as many pages of the
   same sizes, generated here, and the project's navigation; the two builds alternate
   (--repeat times each) and the fastest of each is compared;
4. measures output size, the largest page, and what a phone downloads for one search;
5. times the preview (scripts/serve: `mkdocs serve --dirty`): one record's edit until its page shows it,
   at the chosen scale and on the real data;
6. profiles the project build in-process (cProfile) and says where the time goes.

A benchmark prints figures; it does not pass or fail tests. Goals are shown beside the figures.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import logging
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from bench import synthetic

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SEARCH_QUERY = "vanhemmuus"
# A word, a sentence and a typo: the sentence and the typo load the most vocabulary files.
SEARCH_QUERIES = (SEARCH_QUERY, "lapsi ei suostu menemään kouluun", "vanhemuus")


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest single process (wait4)
    tree_peak_mb: float  # the whole process tree at once (sum of PSS, sampled), forked children included


def timed_build(config: Path, site: Path, data: Path | None = None, strict: bool = False) -> Run:
    """`mkdocs build` in a child process: wall time and peak memory. The project builds with
    --strict, as any county's valid data must."""
    env = {**ENV, **({"SITE_DATA_DIR": str(data)} if data else {})}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else []), "-f", str(config), "-d", str(site)],
                             cwd=config.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _TreeMemory(child.pid)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"Rakentaminen epäonnistui ({config}):\n{child.stderr.read().decode()[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, sampler.stop() / 1024)


class _TreeMemory(threading.Thread):
    """Samples the proportional set size (PSS) of a process and its descendants: pages a
    forked child shares with its parent count once, so the sum is what the machine holds.
    At the peak it also keeps each process's name and share, and when the peak was."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.peak_shares: list[tuple[str, int]] = []
        self.peak_at = 0.0  # seconds since sampling started
        self._since = time.perf_counter()
        self._done = threading.Event()
        self.start()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            shares = [(_name(pid), _pss_kb(pid)) for pid in _tree(self.pid)]
            total = sum(kb for _, kb in shares)
            if total > self.peak_kb:
                self.peak_kb, self.peak_shares, self.peak_at = total, shares, time.perf_counter() - self._since

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak_kb


def _tree(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                stack += [int(child) for child in children.read_text().split()]
            except OSError:
                pass
    return found


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:  # the process ended meanwhile
        return "?"


def _pss_kb(pid: int) -> int:
    try:
        found = re.search(r"^Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text(), re.M)
    except OSError:  # the process ended meanwhile
        return 0
    return int(found.group(1)) if found else 0


# --- The floor: a plain Material site of the same shape ----------------------------------------

def write_floor(project_site: Path, out: Path) -> Path:
    """A Material site with one Markdown page per page of the project's site, each with about as
    much text as the project page's content, and the project's own navigation."""
    docs = out / "docs"
    pages = [p for p in project_site.rglob("index.html") if _is_material_page(p)]
    for page in pages:
        url = page.parent.relative_to(project_site).as_posix()
        target = docs / ("index.md" if url == "." else f"{url}.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_markdown_like(page), encoding="utf-8")
    nav = re.search(r"^nav:\n((?:  - .*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    (out / "mkdocs.yml").write_text(
        "site_name: Pohja\ntheme:\n  name: material\n  language: fi\n  font: false\n"
        "  features: [navigation.sections, navigation.top, navigation.footer, toc.follow]\n"
        "markdown_extensions: [attr_list, md_in_html, admonition, tables, toc]\n"
        f"nav:\n{nav}", encoding="utf-8")
    return out / "mkdocs.yml"


def _is_material_page(path: Path) -> bool:
    return b'class="md-content' in path.read_bytes()[:200_000]


def _markdown_like(page: Path) -> str:
    """Headings and paragraphs with as many characters as the page's article text."""
    html = page.read_text(encoding="utf-8")
    article = html[html.find("<article"): html.find("</article>")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)).strip()
    chunks = [text[i:i + 600] for i in range(0, len(text), 600)] or ["Sivu."]
    return "# Sivu\n\n" + "\n\n".join(f"## Osio {n}\n\n{chunk}" if n % 3 == 0 else chunk for n, chunk in enumerate(chunks)) + "\n"


# --- Output figures ----------------------------------------------------------------------------

def output_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def largest_page(site: Path) -> tuple[str, int]:
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return biggest.relative_to(site).as_posix(), biggest.stat().st_size


def _catalogue_weight(site: Path) -> str:
    """The method catalogue page and the selector's data file it reads, raw and gzip as served."""
    page, data = site / "menetelmat" / "index.html", site / "menetelmat" / "valitsin.json"
    sizes = [(p.stat().st_size, len(gzip.compress(p.read_bytes()))) for p in (page, data)]
    return " + ".join(f"{raw / 1024:.0f} kt ({packed / 1024:.0f} kt)" for raw, packed in sizes)


def search_payload(site: Path, query: str = SEARCH_QUERY) -> tuple[int, int, int]:
    """Bytes a phone with an empty cache downloads for one query's results, gzip as served:
    (total, one-time engine files, the query's own files). The query's own files are Pagefind's
    index chunks and result fragments and our vocabulary chunks (hakusanasto/, macros/publish/search_lexicon.py);
    the engine is Pagefind's wasm, scripts and metadata and the vocabulary's index.json."""
    from playwright.sync_api import sync_playwright

    from bench.search_eval import SETTLED
    from bench.weight import BROWSER_ARGS, CHROMIUM, serve

    server, base = serve(site)
    sizes: dict[str, int] = {}

    def record(response) -> None:
        if response.ok and ("/pagefind/" in response.url or "/hakusanasto/" in response.url):
            body = response.body()  # decoded: Pagefind's index files are gzip inside; scripts and JSON the server gzips
            path = urlsplit(response.url).path
            packed = "/pagefind/" in path and not path.endswith((".js", ".json"))
            sizes[response.url] = len(body) if packed else len(gzip.compress(body, 6))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.on("response", record)
        page.goto(f"{base}haku/?q={quote(query)}")
        page.wait_for_selector(SETTLED, timeout=30_000)
        page.wait_for_load_state("networkidle")
        browser.close()
    server.shutdown()
    per_query = sum(size for url, size in sizes.items() if any(part in url for part in ("/index/", "/fragment/", "/hakusanasto/s-", "/hakusanasto/p-")))
    total = sum(sizes.values())
    return total, total - per_query, per_query


# --- Rebuild after an edit, as an editor sees it in `mkdocs serve` -----------------------------

def preview_seconds(source: Path, folder: str, record_id: str) -> tuple[float, float]:
    """The preview as scripts/serve runs it (`mkdocs serve --strict --dirty`) on a copy of a data
    folder: seconds to the first page, and from saving one record's edit to its page showing it."""
    with tempfile.TemporaryDirectory(dir=_ram_disk()) as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(source, data)
        port = free_port()
        log = Path(tmp) / "serve.log"
        with log.open("w") as output:  # the server writes to its own copy
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}", "-w", str(data)],
                cwd=ROOT, env={**ENV, "SITE_DATA_DIR": str(data)}, stdout=output, stderr=subprocess.STDOUT)
        try:
            path = data / folder / f"{record_id}.yml"
            text = path.read_text(encoding="utf-8")
            name = re.search(r"^nimi: (.+)$", text, re.M).group(1).strip("'\"")
            url = f"http://127.0.0.1:{port}/{folder}/{record_id}/"
            start = time.perf_counter()
            _wait_for(url, name, timeout=600)
            first = time.perf_counter() - start
            time.sleep(3)  # the first search index is written in the background
            path.write_text(re.sub(r"^tiivistelma: .*$", "tiivistelma: Esikatselussa muokattu tiivistelmä.", text, count=1, flags=re.M), encoding="utf-8")
            start = time.perf_counter()
            _wait_for(url, "Esikatselussa muokattu tiivistelmä.", timeout=600)
            return first, time.perf_counter() - start
        except SystemExit:
            print("mkdocs serve -loki lopusta:\n" + "\n".join(log.read_text(encoding="utf-8").splitlines()[-40:]), file=sys.stderr)
            raise
        finally:
            server.terminate()
            server.wait()


def free_port() -> int:
    """A loopback port nobody listens on (for a server started in a child process)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} ei näyttänyt tekstiä {text!r} {timeout} sekunnissa")


# --- Where the time goes -----------------------------------------------------------------------

# The build's phases in the main process, by the cumulative time of the function that runs each
PHASES = (
    ("load_catalog", "datan lataus ja tarkistus (on_config)"),
    ("generated_pages", "sivujen generointi (puolet toisella ytimellä)"),
    ("_populate_page", "MkDocs: sivujen luku ja Markdown"),
    ("_build_page", "MkDocs: sivut teemaan ja levylle, hakuun lähetys"),
    ("on_post_build", "odotus lopussa: hakemiston kirjoitus, taustaprosessi"),
)


def profile_build(data: Path, site: Path, top: int = 14) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """From cProfile of an in-process build: the phases (cumulative) and own time per package
    (our macros per module). Forked children and Pagefind are not profiled; waiting for them is."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update({"SITE_DATA_DIR": str(data), "NO_MKDOCS_2_WARNING": "1"})
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # as `mkdocs build -q` (synthetic data lacks pages the docs link)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    profiler = cProfile.Profile()
    profiler.enable()
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    cumulative: dict[str, float] = {}
    buckets: dict[str, float] = {}
    for (filename, _, function), (_, _, own, total, _) in stats.items():
        cumulative[function] = cumulative.get(function, 0.0) + total
        buckets[_bucket(filename, function)] = buckets.get(_bucket(filename, function), 0.0) + own
    phases = [(label, cumulative.get(function, 0.0)) for function, label in PHASES]
    return phases, sorted(buckets.items(), key=lambda item: item[1], reverse=True)[:top]


_WAITS = ("<method 'poll' of 'select.poll' objects>", "<built-in method posix.waitpid>", "<built-in method posix.read>",
          "<method 'read' of '_io.BufferedReader' objects>", "<method 'acquire' of '_thread.lock' objects>")


def _bucket(filename: str, function: str) -> str:
    if function in _WAITS:
        return "odotus: Pagefind ja rinnakkainen prosessi"
    if filename == "~":
        return "C-funktiot (kirjoitus levylle, merkkijonot, säännölliset lausekkeet)"
    if "/macros/" in filename and "site-packages" not in filename:
        return "macros/" + filename.split("/macros/")[-1]
    found = re.search(r"site-packages/([^/]+)", filename)
    if found:
        return found.group(1).removesuffix(".py")
    return "Python (vakiokirjasto)" if filename.startswith(("/usr", "<")) or "/lib/python" in filename else filename


def _best(runs: list[Run]) -> Run:
    """The fastest run's time, the largest memory of any run."""
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(fastest.seconds, max(r.peak_mb for r in runs), max(r.tree_peak_mb for r in runs))


def _runs(runs: list[Run]) -> str:
    return f" (nopein {len(runs)}: {', '.join(f'{r.seconds:.0f}' for r in runs)} s)" if len(runs) > 1 else ""


def _ram_disk() -> str | None:
    """/dev/shm when it has room: on a shared machine the disk's waits (a third of the time
    in some runs) blur the comparison more than anything we do. Both builds use the same place."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and shutil.disk_usage(shm).free > 4 * 1024**3 else None


# --- The table ---------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description="Kansallisen mittakaavan kuormitustesti.")
    defaults = synthetic.Scale()
    for name in ("methods", "services", "municipalities", "regions"):
        parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
    parser.add_argument("--no-profile", action="store_true", help="älä profiloi (puolittaa ajon)")
    parser.add_argument("--keep", type=Path, help="säilytä data ja sivustot tässä kansiossa")
    parser.add_argument("--repeat", type=int, default=2, help="rakennuskertoja kummallekin (vuorotellen); nopein lasketaan")
    parser.add_argument("--disk", action="store_true", help="rakenna levylle eikä muistilevylle (/dev/shm)")
    args = parser.parse_args()
    scale = synthetic.Scale(methods=args.methods, services=args.services, municipalities=args.municipalities, regions=args.regions)

    work = args.keep or Path(tempfile.mkdtemp(prefix="pk-scale-", dir=None if args.disk else _ram_disk()))
    data = synthetic.write(work / "data", scale)
    print(f"Data: {scale.methods} menetelmää, {scale.services} palvelua, {scale.municipalities} kuntaa, {scale.regions} aluetta -> {data}")
    print(f"Rakennukset kansioon {work}" + ("" if args.disk or not str(work).startswith("/dev/shm") else " (muistilevy; --disk rakentaa levylle)"))
    # Builds alternate (project, floor, project, floor …) and the fastest of each counts: a
    # shared machine's speed drifts by a quarter within minutes, and alternation shares it.
    projects = [timed_build(ROOT / "mkdocs.yml", work / "site", data, strict=True)]
    pages = sum(1 for p in (work / "site").rglob("index.html") if _is_material_page(p))
    floor_config = write_floor(work / "site", work / "floor")
    floors = [timed_build(floor_config, work / "floor" / "site")]
    for _ in range(args.repeat - 1):
        projects.append(timed_build(ROOT / "mkdocs.yml", work / "site", data, strict=True))
        floors.append(timed_build(floor_config, work / "floor" / "site"))
    project, floor = _best(projects), _best(floors)
    files, size = output_size(work / "site")
    page_path, page_size = largest_page(work / "site")
    payloads = {query: search_payload(work / "site", query) for query in SEARCH_QUERIES}
    first, preview = preview_seconds(data, "palvelut", next((data / "palvelut").glob("*.yml")).stem)
    _, seed_preview = preview_seconds(ROOT / "data", "menetelmat", "lapset-puheeksi")

    ratio = project.seconds / floor.seconds
    rows = [
        ("sivuja (Material-sivuja)", f"{pages}", ""),
        ("rakennus: projekti" + _runs(projects), f"{project.seconds:.1f} s", "< 60 s (2 ydintä)"),
        ("rakennus: pohja (Material ilman makroja)" + _runs(floors), f"{floor.seconds:.1f} s", ""),
        ("suhde projekti / pohja", f"{ratio:.2f}", "≤ 0.70"),
        ("muistin huippu: projekti, koko prosessipuu (PSS)", f"{project.tree_peak_mb:.0f} Mt", "< 2048 Mt"),
        ("muistin huippu: projekti, suurin prosessi", f"{project.peak_mb:.0f} Mt", ""),
        ("muistin huippu: pohja, koko prosessipuu (PSS)", f"{floor.tree_peak_mb:.0f} Mt", ""),
        ("tuloste yhteensä", f"{size / 1e6:.0f} Mt, {files} tiedostoa", ""),
        ("suurin sivu", f"{page_size / 1024:.0f} kt ({page_path})", "< 200 kt"),
        ("menetelmäluettelo + valitsimen tiedot (gzip)", _catalogue_weight(work / "site"), "sivu < 200 kt"),
        *((f"haku '{query}': kyselyn osat (hakemisto, tulokset, sanasto)", f"{per_query / 1024:.0f} kt", "≤ 150 kt")
          for query, (_, _, per_query) in payloads.items()),
        *((f"haku '{query}': ensimmäinen haku (ml. hakukone kerran)", f"{total / 1024:.0f} kt", "≤ 400 kt")
          for query, (total, _, _) in payloads.items()),
        ("esikatselu: ensimmäinen rakennus (scripts/serve, sama data)", f"{first:.1f} s", ""),
        ("esikatselu: yhden palvelun muutos näkyy (sama data)", f"{preview:.1f} s", "≤ 5 s"),
        ("esikatselu: yhden menetelmän muutos näkyy (oikea data)", f"{seed_preview:.1f} s", "< 3 s"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\n{'mittari':<{width}}  {'tulos':<34}  tavoite")
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:<34}  {goal}")
    engine = payloads[SEARCH_QUERY][1]
    print(f"(kone: {os.cpu_count()} ydintä; hakukone kerran: {engine / 1024:.0f} kt)")

    if not args.no_profile:
        phases, buckets = profile_build(data, work / "profiled")
        print("\nProjektin rakennuksen vaiheet (cProfile, pääprosessi; profilointi hidastaa):")
        for label, seconds in phases:
            print(f"  {seconds:7.1f} s  {label}")
        print("\nMihin pääprosessin aika kuluu (cProfile, oma aika):")
        for bucket, seconds in buckets:
            print(f"  {seconds:7.1f} s  {bucket}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
