#!/usr/bin/env python3
"""Write `tests/data/phone_vectors.tsv`: inputs and libphonenumber's answers for them, for the
parity test `tests/phone_parity.rs`.

    /tmp/pn/bin/python scripts/phone-metadata/vectors.py    # the same venv as convert.py

For every region (and non-geographic calling code) and every number type with an example number,
the example in E.164, international, national (with the region), `00` (no region), dialled from
other regions with their own international prefix (with that region), and RFC 3966 forms, plus
perturbations: a digit dropped, added or changed, `+0`/`+00` before the code, national numbers
that begin with 0 or 00, Arabic-Indic, Persian and full-width digits, random digits of about a
possible length after `+CC` and after the region's prefixes, and a few inputs this project refuses
on purpose. Deterministic: sorted regions, and a fixed seed for the random digits.

Columns (tab-separated): input, region ("" for none), expected, differs, form.
- expected: `+E164 REGION TYPE` when libphonenumber parses the input to a valid number (REGION is
  `001` for non-geographic codes, TYPE in snake_case), `-` when it refuses it or finds it invalid.
- differs: empty where we must answer as libphonenumber does; otherwise the documented difference
  (README, "Where we differ from libphonenumber"):
  - `letter`: refused, a letter is a typo (libphonenumber reads vanity letters, `1-800-FLOWERS`);
  - `tel`: RFC 3966 `tel:` URIs refused (a letter); `extension`: extensions refused;
  - `plus`: `++…` and a trailing `+` refused, the message saying which;
  - `00-no-region`: `00` read as the international prefix without a region (libphonenumber needs
    a region); expected is then libphonenumber's answer for `+` and the rest;
  - `00-habit`: under a region that dials abroad with another prefix, `00` and a calling code
    taken when libphonenumber's reading is not valid; expected as for `00-no-region`.
"""

import os
import random

import phonenumbers
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "phone_vectors.tsv")

TYPES = {
    T.FIXED_LINE: "fixed_line",
    T.MOBILE: "mobile",
    T.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    T.TOLL_FREE: "toll_free",
    T.PREMIUM_RATE: "premium_rate",
    T.SHARED_COST: "shared_cost",
    T.VOIP: "voip",
    T.PERSONAL_NUMBER: "personal_number",
    T.PAGER: "pager",
    T.UAN: "uan",
    T.VOICEMAIL: "voicemail",
}
# Regions whose international prefix is not 00, to dial from.
DIAL_FROM = ["AU", "US", "JP", "KR", "TH", "ID", "BR", "CO", "KE", "UG", "HK", "BO", "GY", "TW", "NG", "MN"]
SCRIPTS = [0x0660, 0x06F0, 0xFF10]  # Arabic-Indic, Persian (Extended Arabic-Indic), full-width


def answer(text, region):
    """libphonenumber's answer, as the expected column writes it."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return "-"
    if not phonenumbers.is_valid_number(number):
        return "-"
    kind = phonenumbers.number_type(number)
    return "%s %s %s" % (
        phonenumbers.format_number(number, F.E164),
        phonenumbers.region_code_for_number(number),
        TYPES[kind],
    )


def digits_of(text):
    return "".join(c for c in text if c.isdigit())


def script(text, zero):
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)


class Vectors:
    def __init__(self):
        self.rows = []
        self.seen = set()

    def add(self, text, region, form, differs=""):
        key = (text, region)
        if key in self.seen or "\t" in text or "\n" in text:
            return
        self.seen.add(key)
        expected = answer(text, region)
        digits = digits_of(text)
        plus = text.lstrip().startswith(("+", "\uff0b"))
        if not differs and not plus and digits.startswith("00"):
            alternative = answer("+" + digits[2:], None)
            if region is None:
                differs, expected = "00-no-region", alternative
            elif expected == "-" and alternative != "-":
                differs, expected = "00-habit", alternative
        self.rows.append((text, region or "", expected, differs, form))


def examples():
    """(region or None, type, PhoneNumber) for every example number."""
    out = []
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        for region in COUNTRY_CODE_TO_REGION_CODE[code]:
            for kind in TYPES:
                if region == "001":
                    meta = phonenumbers.PhoneMetadata.metadata_for_nongeo_region(code)
                    desc = phonenumbers.phonenumberutil._number_desc_by_type(meta, kind)
                    if desc is None or not desc.example_number:
                        continue
                    number = phonenumbers.parse("+%d%s" % (code, desc.example_number), None)
                    out.append((None, kind, number))
                else:
                    number = phonenumbers.example_number_for_type(region, kind)
                    if number is not None:
                        out.append((region, kind, number))
    return out


def forms(v, i, region, number):
    e164 = phonenumbers.format_number(number, F.E164)
    intl = phonenumbers.format_number(number, F.INTERNATIONAL)
    code = str(number.country_code)
    nsn = phonenumbers.national_significant_number(number)
    v.add(e164, None, "e164")
    v.add(intl, None, "international")
    v.add("00" + intl[1:], None, "00")
    v.add(phonenumbers.format_number(number, F.RFC3966), None, "rfc3966", "tel")
    v.add(script(intl, SCRIPTS[i % 3]), None, "script")
    v.add("\uff0b" + script(intl[1:], 0xFF10), None, "full-width plus")
    v.add(e164[:-1], None, "digit dropped")
    v.add(e164 + str(i % 10), None, "digit added")
    last = str((int(e164[-1]) + 1 + i % 9) % 10)
    v.add(e164[:-1] + last, None, "digit changed")
    v.add("+0" + code + nsn, None, "+0")
    v.add("+0" + intl[1:], region, "+0 with region")
    v.add("+00" + code + nsn, region, "+00 with region")
    v.add(e164 + " ext. 12", None, "extension", "extension")
    if region is not None:
        national = phonenumbers.format_number(number, F.NATIONAL)
        v.add(national, region, "national")
        v.add(script(national, SCRIPTS[(i + 1) % 3]), region, "national script")
        v.add(digits_of(national)[:-1], region, "national digit dropped")
        v.add(digits_of(national) + str((i + 3) % 10), region, "national digit added")
        v.add(code + nsn, region, "own code without +")
        v.add("00" + nsn, region, "00-national")
        v.add("000" + nsn, region, "000-national")
        v.add("0" + nsn, region, "0-national")
        v.add("00" + code + " " + nsn, region, "00 under region")
        # Dialled from its own region with the international prefix, as a traveller would.
        own_idd = phonenumbers.format_out_of_country_calling_number(number, "ZZ")
        prefix = phonenumbers.PhoneMetadata.metadata_for_region(region).preferred_international_prefix
        if prefix is None:
            prefix = phonenumbers.PhoneMetadata.metadata_for_region(region).international_prefix
        if prefix is not None and prefix.isdigit():
            v.add(prefix + " " + own_idd[1:], region, "own idd")
    origins = (DIAL_FROM[i % len(DIAL_FROM)], DIAL_FROM[(i + 5) % len(DIAL_FROM)],
               ALL_REGIONS[i % len(ALL_REGIONS)])
    for origin in origins:
        if origin == region:
            continue
        dialled = phonenumbers.format_out_of_country_calling_number(number, origin)
        v.add(dialled, origin, "idd from")


def deliberate(v):
    """Inputs refused on purpose, and the issue's examples."""
    v.add("1-800-FLOWERS", "US", "vanity", "letter")
    v.add("+20 1OO 123 4567", None, "letter for digit", "letter")
    v.add("++201001234567", None, "two plus", "plus")
    v.add("+201001234567+", None, "plus at end", "plus")
    v.add("tel:+20-100-123-4567", None, "rfc3966", "tel")
    for text, region in [
        ("+049 30 123456", None), ("+049 1512 3456789", None), ("+00201001234567", None),
        ("0011 20 10 01234567", "AU"), ("008 1 201-555-0123", "TH"), ("000 493 7462", "UY"),
        ("00 7803 448 6174", "ID"), ("00368 598 8235", "KR"), ("+880 6404-208917", None),
        ("+593 93 181 9619", None), ("+254 187 786390", None), ("+963919557272", None),
        ("79 120 845", "BW"), ("00 44 7400 123456", "AU"), ("00 44 7400 123456", "TH"),
    ]:
        v.add(text, region, "issue 8")


ALL_REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


def random_digits(v, rnd):
    """Digits of about a possible length, valid or not, as typos and guesses make them."""
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        for region in COUNTRY_CODE_TO_REGION_CODE[code]:
            if region == "001":
                meta = phonenumbers.PhoneMetadata.metadata_for_nongeo_region(code)
            else:
                meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
            lengths = [n for n in meta.general_desc.possible_length if n > 0] or [8]
            prefixes = ["", "0", "00", "000", str(code), "00" + str(code), meta.national_prefix or ""]
            for _ in range(8):
                n = max(1, rnd.choice(lengths) + rnd.choice([0, 0, 0, -1, 1, -2, 2]))
                digits = "".join(rnd.choice("0123456789") for _ in range(n))
                v.add("+%d %s" % (code, digits), None, "random after +CC")
                if region != "001":
                    v.add(rnd.choice(prefixes) + digits, region, "random national")


def main():
    v = Vectors()
    deliberate(v)
    for i, (region, _, number) in enumerate(examples()):
        forms(v, i, region, number)
    random_digits(v, random.Random(8))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# libphonenumber %s (PyPI phonenumbers %s); scripts/phone-metadata/vectors.py wrote this\n"
                % (phonenumbers.__version__, phonenumbers.__version__))
        f.write("# input\tregion\texpected\tdiffers\tform\n")
        for row in v.rows:
            f.write("\t".join(row) + "\n")
    print("wrote %s: %d vectors, libphonenumber %s" % (os.path.normpath(OUT), len(v.rows), phonenumbers.__version__))


if __name__ == "__main__":
    main()
