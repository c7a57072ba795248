import json, subprocess, sys
sys.path.insert(0, '/work/main/target/conformance-venv/lib/python3.11/site-packages')
from pydantic import TypeAdapter, EmailStr, ValidationError
ta = TypeAdapter(EmailStr)
P = 'value is not a valid email address: '
def py(s):
    try:
        ta.validate_python(s); return None
    except ValidationError as e:
        m = e.errors()[0]['msg']
        assert m.startswith(P), m
        return m[len(P):]
def rust(inputs):
    inp = ''.join(json.dumps(s) + '\n' for s in inputs)
    out = subprocess.run(['/tmp/emailcheck/target/release/emailcheck'], input=inp.encode(), capture_output=True, check=True).stdout.decode()
    return [json.loads(l) for l in out.splitlines()]
import unicodedata as U
BLOCKS = [(0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF)]
def known_deviation(s, p):
    # Marks outside the embedded name table are shown as U+XXXX by the port.
    for ch in set(s):
        c = ord(ch)
        if U.category(ch)[0] == 'M' and not any(a <= c <= b for a, b in BLOCKS) and U.name(ch, ''):
            p = p.replace(U.name(ch), f'U+{c:04X}' if c < 0xFFFF else f'U+{c:08X}')
    return p
def same_modulo_order(p, r):
    if ': ' not in p or ': ' not in r: return False
    hp, tp = p.split(': ', 1); hr, tr = r.split(': ', 1)
    return hp == hr and sorted(tp.rstrip('.').split(', ')) == sorted(tr.rstrip('.').split(', '))
def compare(inputs, show=40):
    rs = rust(inputs)
    bad_verdict = bad_reason = 0
    for s, r in zip(inputs, rs):
        p = py(s)
        if (p is None) != (r is None):
            bad_verdict += 1
            if show > 0: print('VERDICT', repr(s), '| py:', p, '| rs:', r); show -= 1
        elif p != r and (p is None or not same_modulo_order(known_deviation(s, p), r)):
            bad_reason += 1
            if show > 0: print('REASON', repr(s), '\n   py:', p, '\n   rs:', r); show -= 1
    dev = sum(1 for s, r in zip(inputs, rs) if r is not None and py(s) != r)
    print(f'{len(inputs)} inputs, verdict mismatches {bad_verdict}, unexplained reason mismatches {bad_reason}, reasons differing (incl. known mark-name deviation) {dev}')
    return bad_verdict, bad_reason
if __name__ == '__main__':
    inputs = []
    for line in open('/work/main/tests/conformance/cases.jsonl'):
        r = json.loads(line)
        try: rec = json.loads(r['json'])
        except Exception: continue
        if isinstance(rec, dict) and isinstance(rec.get('courriel'), str): inputs.append(rec['courriel'])
    compare(inputs)
