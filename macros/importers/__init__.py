"""Importers: services from where a county already describes them, as records an editor completes.

A stage in front of macros.data: it reads a source (Suomi.fi Palvelutietovaranto, an Open Referral
HSDS 3.0 feed), writes ordinary record files through the data stage's schema, formatter and
validator, and imports nothing from the stages above (pages, publish, adapter).

    python -m macros.importers ptv|hsds SYÖTE --out DATAKANSIO [--paiva VVVV-KK-PP]
    python -m macros.importers ptv --ptv-organisaatio TUNNISTE --out DATAKANSIO   (hakee verkosta)
"""
