# Generator of the `tables` module of src/validate/email.rs (run with the conformance venv's Python).
import unicodedata as u, sys, textwrap
sys.path.insert(0, '/work/main/target/conformance-venv/lib/python3.11/site-packages')
from idna import idnadata
from idna.intranges import intranges_contain
from idna.intranges import intranges_contain
assert u.unidata_version == '14.0.0' and idnadata.__version__ == '18.0.0'
def hx(x): return f'{x:X}'
def hh(x): return f'0x{x:X}'
def strconst(name, s, doc):
    lines = textwrap.wrap(s, 90, break_long_words=False, break_on_hyphens=False)
    body = ' \\\n'.join('        ' + l for l in lines)
    doc = '\n'.join('    ' + d for d in doc.split('\n'))
    return f'{doc}\n    pub(super) const {name}: &str = "\\\n{body}";\n'
def arr(name, ty, items, per_line, doc):
    rows = ['        ' + ' '.join(x + ',' for x in items[i:i+per_line]) for i in range(0, len(items), per_line)]
    doc = '\n'.join('    ' + d for d in doc.split('\n'))
    return f'{doc}\n    #[rustfmt::skip]\n    pub(super) static {name}: &[{ty}] = &[\n' + '\n'.join(rows) + '\n    ];\n'
out = []
# Code points unassigned in Unicode 14.0 (Python's unicodedata) that the regex crate (Unicode 16.0) assigns.
regex_cat = {}
for line in open('/tmp/regex_gc.txt'):
    if line.startswith('age'): continue
    h, c = line.split(); regex_cat[int(h, 16)] = c
rs = []
for cp in range(0x110000):
    if u.category(chr(cp)) == 'Cn' and regex_cat[cp] != 'Cn':
        if rs and rs[-1][1] == cp - 1: rs[-1][1] = cp
        else: rs.append([cp, cp])
    elif u.category(chr(cp))[0] != regex_cat[cp][0] and not (u.category(chr(cp)) == 'Cs'):
        raise SystemExit(f'major category differs at {cp:X}')
out.append(arr('UNASSIGNED_IN_14', '(u32, u32)', [f'({hh(a)}, {hh(b)})' for a, b in rs], 4,
    '/// Code points unassigned (`Cn`) in Unicode 14.0 but assigned in the regex crate\'s Unicode 16.0\n/// (inclusive ranges).'))
for s in ['Greek', 'Hebrew', 'Hiragana', 'Katakana', 'Han']:
    out.append(arr('SCRIPT_' + s.upper(), '(u32, u32)', [f'({hh(x >> 32)}, {hh(x & 0xFFFFFFFF)})' for x in idnadata.scripts[s]], 4,
        f'/// `idnadata.scripts["{s}"]` (half-open ranges).'))
pv = []
for cp in range(0x80, 0x110000):
    if u.category(chr(cp)) == 'Cn' and intranges_contain(cp, idnadata.codepoint_classes['PVALID']):
        if pv and pv[-1][1] == cp - 1: pv[-1][1] = cp
        else: pv.append([cp, cp])
out.append(arr('PVALID_UNASSIGNED_IN_14', '(u32, u32)', [f'({hh(a)}, {hh(b)})' for a, b in pv], 4,
    '/// The code points of `idnadata.codepoint_classes["PVALID"]` that are unassigned in Unicode 14.0\n/// (inclusive ranges): `is_pvalid` cannot derive them.'))
print('pvalid unassigned ranges', len(pv))
ents = []; prev = -5
for c in range(0x110000):
    d = u.decomposition(chr(c))
    if d and not d.startswith('<'):
        p = [int(x, 16) for x in d.split()]
        sep = '>'
        if len(p) == 2 and u.normalize('NFC', chr(p[0]) + chr(p[1])) != chr(c): sep = '!'
        ents.append(('' if prev == c - 1 else hx(c)) + sep + ','.join(hx(x) for x in p))
        prev = c
out.append(strconst('DECOMPOSITIONS', ' '.join(ents),
    '/// Canonical decompositions, one level: `CP>A,B` (or `CP>A` for a singleton); `!` instead of `>`\n'
    '/// marks a pair excluded from composition; an empty `CP` means the previous one plus one.'))
jt = []
for t, rs_ in idnadata.joining_types.items():
    for x in rs_: jt.append((x >> 32, (x & 0xFFFFFFFF) - 1, t))
jt.sort()
for (a1, b1, _), (a2, _, _) in zip(jt, jt[1:]): assert b1 < a2
out.append(strconst('JOINING_TYPES', ' '.join((hx(a) if a == b else f'{hx(a)}-{hx(b)}') + f':{t}' for a, b, t in jt),
    '/// `idnadata.joining_types`: `FIRST[-LAST]:TYPE`.'))
print('joining', len(jt))
ccc = []
for c in range(0x110000):
    v = u.combining(chr(c))
    if v:
        if ccc and ccc[-1][1] == c - 1 and ccc[-1][2] == v: ccc[-1][1] = c
        else: ccc.append([c, c, v])
out.append(strconst('COMBINING_CLASSES', ' '.join((hx(a) if a == b else f'{hx(a)}-{hx(b)}') + f':{v}' for a, b, v in ccc),
    '/// Non-zero canonical combining classes: `FIRST[-LAST]:CLASS` (class in decimal).'))
def member(c):
    return c < 128 or any(intranges_contain(c, idnadata.codepoint_classes[k]) for k in ('PVALID', 'CONTEXTJ', 'CONTEXTO'))
bidi = []
for c in range(0x110000):
    if not member(c): continue
    b = u.bidirectional(chr(c)) or '?'
    if b not in ('L','R','AL','AN','EN','ES','CS','ET','ON','BN','NSM','?'): b = 'X'
    if not bidi or bidi[-1][1] != b: bidi.append((c, b))
out.append(strconst('BIDI_CLASSES', ' '.join(f'{hx(a)}:{b}' for a, b in bidi),
    '/// Bidi classes of the code points an IDNA label can hold (ASCII, PVALID, CONTEXTJ, CONTEXTO),\n'
    '/// as `FIRST:CLASS` runs: `?` is unassigned in Unicode 14.0 (no class), `X` any class not used by\n'
    '/// the Bidi Rule. Code points outside those sets take the class of the run they fall in.'))
blocks = [(0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]
nm = []
for c in range(0x110000):
    ch = chr(c); g = u.category(ch); n = u.name(ch, '')
    if not n or 0xFE00 <= c <= 0xFE0F or 0xE0100 <= c <= 0xE01EF: continue
    if g in ('Zs', 'Zl', 'Zp', 'Cf') or (g[0] == 'M' and any(a <= c <= b for a, b in blocks)):
        assert ';' not in n and '*' not in n
        nm.append(f'{hx(c)} {n}'.replace('COMBINING ', '*').replace('TAG LATIN ', '^'))
out.append(strconst('NAMES', ';'.join(nm),
    '/// `unicodedata.name` of the space, separator and format characters (`Zs`, `Zl`, `Zp`, `Cf`) and\n'
    '/// of the marks of the combining diacritical marks blocks, as `HEX NAME` separated by `;`, with\n'
    '/// `*` standing for `COMBINING ` and `^` for `TAG LATIN `.'))
open('/tmp/gen/tables3.rs', 'w').write('\n'.join(out))
print(len(rs), len(ents), len(ccc), len(bidi), len(nm))
