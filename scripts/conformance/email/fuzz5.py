import sys, random
sys.path.insert(0, '/tmp/gen')
from compare import compare
seed = int(sys.argv[1]); n = int(sys.argv[2])
rnd = random.Random(seed)
A = ['\u200c', '\u200d', '\u200c', 'a', 'ب', 'ا', 'ل', 'ی', '\u064b', '\u0610', 'ك', 'ء', '\u094d', 'क', '\u0bcd', 'த', 'ـ', '\u0301', 'ß', 'l', '\u00b7', '\u0375', 'α', 'א', '\u05f3', '\u30fb', 'ア', '\u0661', '\u06f1', '1', '-']
def gen():
    labels = []
    for _ in range(rnd.randint(1, 2)):
        u = ''.join(rnd.choice(A) for _ in range(rnd.randint(1, 6)))
        try: labels.append('xn--' + u.encode('punycode').decode())
        except Exception: labels.append('x')
    return 'a@' + '.'.join(labels) + rnd.choice(['.com', '.fr'])
compare([gen() for _ in range(n)], show=10)
