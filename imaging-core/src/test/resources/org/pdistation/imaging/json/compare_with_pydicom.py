# Compares our DICOM JSON Model output with pydicom's Dataset.to_json_dict(), one file at a time.
# Usage: python3 compare_with_pydicom.py LIST_FILE
# LIST_FILE lines: <our json path> TAB <dicom file> TAB <name to report>
# Prints one line per difference: <name> TAB <json path> TAB <message>; "SKIP" as message when pydicom cannot read.
import base64, json, re, math, struct, sys, warnings

warnings.simplefilter("ignore")
import pydicom

TEXT_VRS = {"LT", "ST", "UT"}
STRING_VRS = {"AE", "AS", "CS", "DA", "DT", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"}
ESCAPE = re.compile("\x1b[\x20-\x2f]*[\x40-\x7e]")
WIDTH = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def swap(b, w):
    if w <= 1:
        return b
    out = bytearray(b)
    for i in range(0, len(b) - len(b) % w, w):
        out[i:i + w] = b[i:i + w][::-1]
    return bytes(out)


def unescape(s):
    # pydicom 2.3 leaves ISO 2022 escape sequences in some decoded values (e.g. ESC $ ) A before GB2312); they are
    # code switches, not characters (PS3.5 6.1.2.5), so drop them before comparing.
    return ESCAPE.sub("", s)


def norm_str(vr, s):
    if s is None:
        return ""
    s = unescape(str(s))
    # PS3.5 6.2: trailing spaces (and, as a vendor habit, NULs) are padding; leading spaces too except in texts.
    s = s.rstrip(" \0")
    return s if vr in TEXT_VRS else s.lstrip(" ")


def norm_pn(v):
    if v is None:
        return {}
    if isinstance(v, str):
        v = {"Alphabetic": v}
    return {k: unescape(g).strip() for k, g in v.items() if g and g.strip()}


def num_equal(vr, a, b):
    if a is None or b is None or a == "" or b == "":
        return (a in (None, "")) and (b in (None, ""))
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return str(a).strip() == str(b).strip()
    if math.isnan(fa) and math.isnan(fb):
        return True
    if vr == "FL":
        # FL is 32-bit: pydicom widens it to a double, we print the float's shortest form.
        return struct.pack("<f", fa) == struct.pack("<f", fb)
    return fa == fb or abs(fa - fb) <= 1e-12 * max(abs(fa), abs(fb))


def compare(name, path, ours, theirs, big_endian, out):
    keys = set(ours) | set(theirs)
    for k in sorted(keys):
        p = path + "/" + k
        if k not in ours:
            out.append((name, p, "missing in ours: " + json.dumps(theirs[k])[:200]))
            continue
        if k not in theirs:
            out.append((name, p, "extra in ours: " + json.dumps(ours[k])[:200]))
            continue
        compare_element(name, p, k, ours[k], theirs[k], big_endian, out)


def compare_element(name, p, key, o, t, big_endian, out):
    ovr, tvr = o.get("vr"), t.get("vr")
    if ovr != tvr:
        options = tvr.split(" or ")
        private = int(key[:4], 16) % 2 == 1
        if ovr in options:
            pass  # pydicom leaves "US or SS"/"OB or OW" unresolved in implicit VR; we settle it (PS3.5 A.1)
        elif ovr == "UN" and not private:
            # The file encodes a standard element with explicit VR UN; we keep the VR as encoded (so does
            # dcmdump), pydicom swaps in the dictionary VR (its replace_un_with_known_vr option). Compare text.
            if tvr in STRING_VRS:
                text = base64.b64decode(o.get("InlineBinary", "")).decode("latin-1")
                ov = [v for v in text.split("\\")] if text.strip(" \0") else []
                tv = [v if not isinstance(v, dict) else "=".join(v.values()) for v in t.get("Value", [])]
                if [norm_str(tvr, v) for v in ov] != [norm_str(tvr, v) for v in tv]:
                    out.append((name, p, "UN text %r vs pydicom %s %r" % (ov, tvr, tv)))
            return
        elif ovr == "UN" and private:
            # pydicom applies its own private dictionary to private elements read in Implicit VR; the standard
            # gives them no VR (PS3.5 6.2.2), so UN is right and the values cannot be compared.
            return
        else:
            out.append((name, p, "vr %s vs pydicom %s" % (ovr, tvr)))
            return
    vr = ovr
    if vr == "SQ":
        oi, ti = o.get("Value", []), t.get("Value", [])
        if len(oi) != len(ti):
            out.append((name, p, "%d items vs pydicom %d" % (len(oi), len(ti))))
            return
        for i, (a, b) in enumerate(zip(oi, ti)):
            compare(name, "%s[%d]" % (p, i), a, b, big_endian, out)
        return
    if "InlineBinary" in o or "InlineBinary" in t:
        ob = base64.b64decode(o.get("InlineBinary", ""))
        tb = base64.b64decode(t.get("InlineBinary", ""))
        if big_endian:
            tb = swap(tb, WIDTH.get(vr, 1))
        if ob != tb:
            out.append((name, p, "binary differs: %d bytes vs pydicom %d" % (len(ob), len(tb))))
        return
    ov, tv = o.get("Value", []), t.get("Value", [])
    # A lone empty value is "no value" on both sides (PS3.18 F.2.5).
    if ov in ([None], [""]):
        ov = []
    if tv in ([None], [""]):
        tv = []
    if len(ov) != len(tv):
        out.append((name, p, "values %s vs pydicom %s" % (json.dumps(ov)[:200], json.dumps(tv)[:200])))
        return
    for i, (a, b) in enumerate(zip(ov, tv)):
        if vr == "PN":
            same = norm_pn(a) == norm_pn(b)
        elif vr in ("IS", "DS", "FL", "FD", "US", "SS", "UL", "SL", "SV", "UV"):
            same = num_equal(vr, a, b)
        else:
            same = norm_str(vr, a) == norm_str(vr, b)
        if not same:
            out.append((name, "%s[%d]" % (p, i), "%r vs pydicom %r" % (a, b)))


def main():
    for line in open(sys.argv[1], encoding="utf-8"):
        ours_path, dicom, name = line.rstrip("\n").split("\t")
        try:
            ds = pydicom.dcmread(dicom, force=True)
            theirs = {}
            meta = getattr(ds, "file_meta", None)
            if meta is not None:
                theirs.update(meta.to_json_dict(bulk_data_threshold=1 << 40))
            theirs.update(ds.to_json_dict(bulk_data_threshold=1 << 40))
            big_endian = not ds.is_little_endian
        except Exception as e:  # noqa: BLE001 - any failure means pydicom cannot be the reference for this file
            print("%s\t\tSKIP pydicom cannot read: %s" % (name, repr(e)[:200]))
            continue
        with open(ours_path, encoding="utf-8") as fh:
            ours = json.load(fh)
        diffs = []
        compare(name, "", ours, theirs, big_endian, diffs)
        for d in diffs[:8]:
            print("\t".join(d))
        if len(diffs) > 8:
            print("%s\t\t... %d more differences" % (name, len(diffs) - 8))
    sys.stdout.flush()


main()
