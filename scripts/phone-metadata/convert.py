#!/usr/bin/env python3
"""Convert libphonenumber's metadata, as the PyPI `phonenumbers` release carries it, into
`data/phone/metadata.json`, the file `build.rs` reads.

Run at development time only (build.rs needs neither Python nor the network):

    python3 -m venv /tmp/pn && /tmp/pn/bin/pip install phonenumbers==9.0.43
    /tmp/pn/bin/python scripts/phone-metadata/convert.py

The output is deterministic (sorted, no timestamps), so a new release shows as a reviewable diff.
Nothing in the output is edited by hand: every value is read from the package's metadata, or
computed by the package itself (the example numbers in libphonenumber's international grouping).

What is kept: per calling code, its regions in libphonenumber's order (main region first), and
per region what parsing and validation read: international prefix patterns, national prefix and
its parsing/transform rules, leading digits, the general descriptor and each number type's
pattern, possible lengths and example. Number formats are left out (we print E.164 only).
"""

import json
import os
import re
import sys

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "data", "phone", "metadata.json")

# libphonenumber's getNumberType order: the first type whose pattern matches wins, with fixed
# line and mobile last (fixed line and mobile together make `fixed_line_or_mobile`).
TYPES = [
    ("premium_rate", PhoneNumberType.PREMIUM_RATE),
    ("toll_free", PhoneNumberType.TOLL_FREE),
    ("shared_cost", PhoneNumberType.SHARED_COST),
    ("voip", PhoneNumberType.VOIP),
    ("personal_number", PhoneNumberType.PERSONAL_NUMBER),
    ("pager", PhoneNumberType.PAGER),
    ("uan", PhoneNumberType.UAN),
    ("voicemail", PhoneNumberType.VOICEMAIL),
    ("fixed_line", PhoneNumberType.FIXED_LINE),
    ("mobile", PhoneNumberType.MOBILE),
]


def lengths(values):
    # (-1,) means "no numbers of this type"; an empty list says the same to our matcher.
    return [n for n in (values or ()) if n != -1]


def transform_rule(rule):
    # Python writes group references as \1; Rust's regex replacement syntax is ${1}.
    if rule is None:
        return None
    return re.sub(r"\\(\d)", r"${\1}", rule)


def international_example(region_id, code, national):
    if not national:
        return None
    number = phonenumbers.parse("+%d%s" % (code, national), None)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def descriptor(desc):
    return {
        "pattern": desc.national_number_pattern,
        "lengths": lengths(desc.possible_length),
        "local_lengths": lengths(desc.possible_length_local_only),
    }


def region(meta, code):
    types = []
    for name, _ in TYPES:
        desc = getattr(meta, name)
        if desc is None or desc.national_number_pattern is None:
            continue
        if not lengths(desc.possible_length):
            continue
        entry = descriptor(desc)
        entry["kind"] = name
        entry["example"] = desc.example_number
        entry["example_international"] = international_example(meta.id, code, desc.example_number)
        types.append(entry)
    return {
        "id": meta.id,
        "international_prefix": meta.international_prefix,
        "preferred_international_prefix": meta.preferred_international_prefix,
        "national_prefix": meta.national_prefix,
        "national_prefix_for_parsing": meta.national_prefix_for_parsing,
        "national_prefix_transform_rule": transform_rule(meta.national_prefix_transform_rule),
        "leading_digits": meta.leading_digits,
        "same_mobile_and_fixed_line_pattern": bool(meta.same_mobile_and_fixed_line_pattern),
        "general": descriptor(meta.general_desc),
        "types": types,
    }


def main():
    codes = []
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        regions = []
        for region_id in COUNTRY_CODE_TO_REGION_CODE[code]:
            if region_id == "001":
                meta = PhoneMetadata.metadata_for_nongeo_region(code)
            else:
                meta = PhoneMetadata.metadata_for_region(region_id)
            if meta is None:
                sys.exit("no metadata for %s (+%d)" % (region_id, code))
            regions.append(region(meta, code))
        codes.append({"code": code, "regions": regions})
    out = {
        "source": "libphonenumber %s, from the PyPI package phonenumbers %s"
        % (phonenumbers.__version__, phonenumbers.__version__),
        "libphonenumber": phonenumbers.__version__,
        "codes": codes,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        # One region per line: small, and a new release diffs region by region.
        f.write("{\n")
        f.write(' "source": %s,\n' % json.dumps(out["source"]))
        f.write(' "libphonenumber": %s,\n' % json.dumps(out["libphonenumber"]))
        f.write(' "codes": [\n')
        for i, entry in enumerate(codes):
            f.write('  {"code": %d, "regions": [\n' % entry["code"])
            for j, r in enumerate(entry["regions"]):
                sep = "," if j + 1 < len(entry["regions"]) else ""
                f.write("   %s%s\n" % (json.dumps(r, ensure_ascii=False, sort_keys=True), sep))
            f.write("  ]}%s\n" % ("," if i + 1 < len(codes) else ""))
        f.write(" ]\n}\n")
    print("wrote %s: %d calling codes, libphonenumber %s" % (os.path.normpath(OUT), len(codes), phonenumbers.__version__))


if __name__ == "__main__":
    main()
