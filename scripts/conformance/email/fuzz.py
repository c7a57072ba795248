import sys, random
sys.path.insert(0, '/tmp/gen')
from compare import compare
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
rnd = random.Random(seed)
atoms = list('abcxnzAZ09') * 6 + list('.@<>"\\[]:-_ ,;()!#$%&\'*+/=?^`{|}~') * 2 + [
    '\t', '\u00a0', '\u202f', '\u2003', '\u3000', '\u200b', '\u00ad', '\ufeff', '\u0301', '\u0316', '\u0338', '\u037e',
    'é', 'É', 'ß', 'ς', 'ç', 'ü', 'ø', 'ı', 'İ', 'ſ', 'K', 'Å', 'Ω', '\u0958', '\uf900', '\u2488', '\u2024', 'ｆ', '．', '。', '｡', '＠', '﹫',
    'א', 'ב', 'ع', 'ر', '\u0661', '\u06f1', '\u00b7', 'l', '\u0375', 'α', '\u05f3', '\u30fb', 'ア', '中', '한', '\u1100', '\u1161', '\u11a8',
    '\u2665', '\U0001F600', '\ufe0f', '\u200d', '\u200c', '\u0903', '\u094d', '\U000e0041', '\u0085', '\x01', '\x7f', '\ue000', '\u0378',
    'xn--', 'xn--', 'xn--bcher-kva', 'xn--4dbc', 'xn--80a', 'IPv6:', '.fr', '.fr', '.com', '.test', '.local', '@b.fr', '@b.fr', '@xn--', '<a@b.fr>',
    '\u1fef', '\u212a', '\u2126', '\u00e9\u0301', 'e\u0301', '\u3164', '\u2100', '\uff01', '\u0640', '\u3007', '\u034f', '\u20d0', '\ufffd',
]
def gen():
    k = rnd.choice([1, 2, 3, 5, 8, 12, 20, 30])
    s = ''.join(rnd.choice(atoms) for _ in range(k))
    r = rnd.random()
    if r < 0.35:
        s = s + '@' + ''.join(rnd.choice(atoms) for _ in range(rnd.randint(1, 10))) + rnd.choice(['.fr', '.com', '', '.ｆｒ', '.xn--p1ai'])
    elif r < 0.5:
        s = 'ab' + s + 'cd@ex' + ''.join(rnd.choice(atoms) for _ in range(rnd.randint(0, 4))) + 'ample.fr'
    elif r < 0.6:
        s = rnd.choice(['Jean ', '"Jean" ', '', 'J. ', 'Jé ']) + '<' + s + '>'
    return s.replace('\r', '').replace('\n', '') if rnd.random() < 0.95 else s
inputs = [gen() for _ in range(n)]
compare(inputs, show=30)
