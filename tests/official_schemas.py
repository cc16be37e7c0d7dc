"""Official schemas fetched at a pinned commit: Open Referral HSDS 3.0 and the schema.org 30.0
vocabulary. They are downloaded once into .cache/official-schemas/ (like axe-core from
package-lock.json) and checked by SHA-256, so a changed or broken download fails loudly.
tests/schemas/README.md says where each comes from and under which licence.

The Atom RELAX NG and the sitemap XSD are small and live in tests/schemas/ instead.
"""

from __future__ import annotations

import hashlib
import os
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("SITE_CACHE_DIR", ROOT / ".cache")) / "official-schemas"

HSDS_COMMIT = "279fd2eb3552c349bf698c07c00cc25f5fc8249b"  # openreferral/specification, head of branch 3.0
HSDS_BASE = f"https://raw.githubusercontent.com/openreferral/specification/{HSDS_COMMIT}/"
SCHEMAORG_COMMIT = "420231f6bfac8372fc564abb121fae57ccb36a0c"  # schemaorg/schemaorg, release 30.0 files
SCHEMAORG_BASE = f"https://raw.githubusercontent.com/schemaorg/schemaorg/{SCHEMAORG_COMMIT}/"

# The schema files service.json and organization.json need, with their $refs.
HSDS_SCHEMAS = {
    "accessibility.json": "e64aee2a92554ee32edcdb6f7f923a7323e58cc17f87702dc2251f2b9f0f5e8f",
    "address.json": "35be58d03b5c1b21cc757d298acec175780baff51293c11e9867835de9ee8012",
    "attribute.json": "f4c974b5e985ce1dfd97fd17304c9bc95b652bf00693fcea1068606061c54774",
    "contact.json": "c51cdaae5d91cb780e86968fe63052d978afeb62d18f81ce6a807aef04ec6e18",
    "cost_option.json": "ce8559a4f95be1773758e7067aef7c3e4a815caaba8feb27c8b29426fb06ec87",
    "funding.json": "e271cfd3391bba35e4f14aca61d3d5fe470345340171b393216a8260d6df795c",
    "language.json": "889aebd96b7f28882ac83529c59b1be86d6d4d94e5adcf5afb7b3e8ad4bc1a96",
    "location.json": "1d096f2e795b42e7a00d7be4a5963d94b6a819e1f0a0c66c79ad52a4894d9cf0",
    "metadata.json": "cf62a24f83fb93a93a93cded762869bf561d4d176436e326b4170ef5f194fcdd",
    "organization.json": "6ba8d972a7264fed57188bcfbb8acfa6cae7774afa31cb70a54ffcf7addc9b6a",
    "organization_identifier.json": "bc4997ad97330350c1abe1eb925fc9104e24ab1a122a63d390320f9fe9a7b992",
    "phone.json": "d2fc05271f57fe11900a23bcae747ea4598e701bc58fed317fcaa5a05c289d83",
    "program.json": "85529b20107fab3b5890da07fce943536d83d23267afc173d0ad41ca30a6b700",
    "required_document.json": "2702b150a9aab0f9ec9da42ae92f0e80387c021087c2eb4dbb6e61f1bf1d4d96",
    "schedule.json": "431c76fa7901cb725786e519e379b3ff3f1eea3f2bec5136003859335e8c13f2",
    "service.json": "134b678d36911e92238e84244ada4e1ce04bfd46cd102fcd9133656425c37d2f",
    "service_area.json": "22d07c7a94ac3959e02e2c0f2918223423adc419b55f0c3ed3eafc92ee9e9e2b",
    "service_at_location.json": "35579a94c7503d580ed5cb04197a481328c26237d21d713cd142f155e2f49db9",
    "taxonomy.json": "80d89f6e83d84d9fe961a4e0b6ca4014ee56063d513f4291f148270fc51aeb11",
    "taxonomy_term.json": "4421eb56469f8f45cdddb5421f00fbd3ccda4efe53bf1b80c3b4f6dcbcbec237",
}

# local name: (address, SHA-256)
FILES = {
    **{f"hsds/{name}": (f"{HSDS_BASE}schema/{name}", digest) for name, digest in HSDS_SCHEMAS.items()},
    "hsds/LICENSE": (f"{HSDS_BASE}LICENSE", "3dc9e5815a53333d463bbc78d8f9b35ff7284e067f17f678ac18e7a8bf6c9378"),
    "schemaorg/schemaorg-current-https.jsonld": (
        f"{SCHEMAORG_BASE}data/releases/30.0/schemaorg-current-https.jsonld",
        "4467fa19edcb1d7fb3c46c0adf3591b7f870c4a60b7838bdb61694fd02864cf6",
    ),
    "schemaorg/LICENSE": (f"{SCHEMAORG_BASE}LICENSE", "cb5e8e7e5f4a3988e1063c142c60dc2df75605f4c46515e776e3aca6df976e14"),
}


class SchemaDownloadError(RuntimeError):
    pass


def official(name: str) -> Path:
    """The cached file, downloaded first if missing; its SHA-256 checked every time."""
    address, digest = FILES[name]
    path = CACHE / name
    if not path.exists():
        _download(address, path)
    if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
        raise SchemaDownloadError(f"{path}: SHA-256 differs from the pinned {digest} ({address}); delete it to download again")
    return path


def _download(address: str, path: Path) -> None:
    try:
        with urllib.request.urlopen(address, timeout=60) as response:
            content = response.read()
    except OSError as error:
        raise SchemaDownloadError(f"could not download {address} into {path}: {error}") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(content)
    partial.replace(path)  # never a half-written file under the real name
