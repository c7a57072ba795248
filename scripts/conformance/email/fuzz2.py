import sys, random
sys.path.insert(0, '/tmp/gen')
from compare import compare
seed = int(sys.argv[1]); n = int(sys.argv[2])
rnd = random.Random(seed)
letters = list('abcxnz09-') * 4 + ['é', 'É', 'ß', 'ς', 'Σ', 'ü', 'ı', 'İ', 'ſ', 'K', 'Å', 'Ω', 'ｆ', 'Ａ', '．', '。', '｡', '.', '.', '.',
  'א', 'ב', 'ع', 'ر', 'ـ', '\u0661', '\u06f1', '1', '\u00b7', 'l', '\u0375', 'α', '\u05f3', '\u30fb', 'ア', 'あ', '中', '한', '\u1100', '\u1161', '\u11a8',
  '\u2665', '\U0001F600', '\ufe0f', '\u0301', '\u0316', '\u0338', '\u094d', 'क', '\u0903', '\u0958', '\uf900', '\U0002F800', '\u2163', '\u00b2', '\u2460',
  '\u3164', '\u2100', '\uff01', '\u3007', '\u034f', '\u20d0', '\u1d15e', '\u0640', '\u07fa', '\u02b9', '\u0374', 'ǅ', 'ẞ', '\u1e9e', 'ﬀ', '㍻', '\u33c2',
  '\U0001e900', '\U00010400', '\u0e31', 'ก', '\u0f73', '\u0344', '\ufb1d', '\u2adc', '\u1fef', '\u212b', '\u05be', '\u200f', '\u0660', 'ۺ', '\u06dd']
def plabel():
    r = rnd.random()
    if r < 0.4:
        u = ''.join(rnd.choice(letters) for _ in range(rnd.randint(1, 6)))
        try: return 'xn--' + u.encode('punycode').decode()
        except Exception: return 'xn--a'
    if r < 0.7:
        return 'xn--' + ''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz0123456789-') for _ in range(rnd.randint(0, 10)))
    return ''.join(rnd.choice('abcxn-') for _ in range(rnd.randint(1, 6)))
def gen():
    r = rnd.random()
    if r < 0.5:
        dom = ''.join(rnd.choice(letters) for _ in range(rnd.randint(1, 10))) + rnd.choice(['.fr', '.com', '', '.ｆｒ', '.xn--p1ai', '.test', '.1'])
    else:
        dom = '.'.join(plabel() for _ in range(rnd.randint(1, 3))) + rnd.choice(['.fr', '.com', ''])
    local = rnd.choice(['a', 'jean.dupont', 'x' * rnd.randint(1, 240), ''.join(rnd.choice(letters) for _ in range(rnd.randint(1, 8)))])
    return local + '@' + dom
compare([gen() for _ in range(n)], show=30)
