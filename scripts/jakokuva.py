"""Draw the site-wide link preview image (og:image) from scripts/jakokuva.html with Chromium.

Run when the design changes and commit the PNG: `python scripts/jakokuva.py`. The build
itself draws nothing, so it stays fast and needs no fonts or browser.
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "overrides" / "assets" / "images" / "jakokuva.png"

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1200, "height": 630})
    page.goto((HERE / "jakokuva.html").as_uri())
    page.screenshot(path=str(OUT))
    browser.close()
print(OUT)
