#!/usr/bin/python3
# A catalog text with its arguments in, as the screens show it, for the
# end-to-end scripts to wait for without writing a translation down: the
# entry KEY of a .po file (i18n/po/LANG.po), its ICU MessageFormat pattern
# given texts and whole numbers: {0}, {0, number} and {0, plural, =N {..}
# one {..} few {..} many {..} other {..}} with # (CLDR's plural rules of
# the five languages, for integers); \n is a new line.
# usage: po-format.py PO_FILE KEY [ARG...]
import re, sys


def category(lang, n):
    m10, m100 = n % 10, n % 100
    if lang == "lt":
        if m10 == 1 and not 11 <= m100 <= 19:
            return "one"
        if 2 <= m10 <= 9 and not 11 <= m100 <= 19:
            return "few"
        return "other"
    if lang in ("uk", "ru"):
        if m10 == 1 and m100 != 11:
            return "one"
        if 2 <= m10 <= 4 and not 12 <= m100 <= 14:
            return "few"
        return "many"
    if lang == "pl":
        if n == 1:
            return "one"
        if 2 <= m10 <= 4 and not 12 <= m100 <= 14:
            return "few"
        return "many"
    return "one" if n == 1 else "other"


def msgstr(path, key):
    hit = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("msgctxt "):
            hit = line.strip() == 'msgctxt "%s"' % key
        elif hit and line.startswith("msgstr "):
            text = line[len('msgstr "'):].rstrip("\n")[:-1]
            return text.replace('\\"', '"').replace("\\n", "\n")
    sys.exit("po-format.py: no entry %s in %s" % (key, path))


def close(s, i):
    """The index of the } closing the { at s[i]."""
    depth = 0
    for j in range(i, len(s)):
        depth += {"{": 1, "}": -1}.get(s[j], 0)
        if depth == 0:
            return j
    sys.exit("po-format.py: unbalanced braces in %r" % s)


def render(s, lang, args, hash_value=None):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "#" and hash_value is not None:
            out.append(str(hash_value))
        elif c == "{":
            j = close(s, i)
            parts = [p.strip() for p in s[i + 1:j].split(",", 2)]
            n = args[int(parts[0])]
            if len(parts) < 3:
                out.append(str(n))
            else:
                branches = dict(re.findall(r"(=?\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}",
                                           parts[2]))
                pick = branches.get("=%d" % n, branches.get(category(lang, n),
                                    branches.get("other")))
                out.append(render(pick, lang, args, n))
            i = j
        else:
            out.append(c)
        i += 1
    return "".join(out)


path, key = sys.argv[1], sys.argv[2]
lang = re.sub(r"\.po$", "", path.rsplit("/", 1)[-1])
print(render(msgstr(path, key), lang,
             [int(a) if re.fullmatch(r"-?[0-9]+", a) else a
              for a in sys.argv[3:]]))
