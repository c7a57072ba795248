import sys, random
sys.path.insert(0, '/tmp/gen')
from compare import compare
seed = int(sys.argv[1]); n = int(sys.argv[2])
rnd = random.Random(seed)
L = ['e', 'a', '.', '\u0301', '\u0316', '\u0300', '\u0327', 'é', 'É', '\u0958', '\uf900', '\ufa6c', '\U0002f800', '\U0002f8a6', '\u2adc', '\ufb1d',
     '\U0001d15e', '\u037e', '\u0387', '\u1fef', '\u212a', '\u2126', '\u212b', '\u0344', '\u0f73', '\u0340', '\u1100', '\u1161', '\u11a8', '한',
     '\u0b47', '\u0b3e', '\u0b57', 'ᄀ', '\u0cc6', '\u0cc2', '\u0cd5', '"', '\\', ' ', '@', '<', '>', '\u00a0', 'x', 'xx', 'xxxx']
D = ['b.fr', 'café.fr', 'xn--caf-dma.fr', 'exemple.com', 'ÉCOLE.fr', 'b.ｆｒ', '中文.com', 'b' * 60 + '.fr', 'é' * 30 + '.fr']
def gen():
    local = ''.join(rnd.choice(L) for _ in range(rnd.randint(1, 12)))
    dom = rnd.choice(D)
    r = rnd.random()
    if r < 0.2: local = '"' + local + '"'
    if rnd.random() < 0.5:
        target = rnd.randint(240, 262)
        pad = target - len((local + '@' + dom).encode())
        if pad > 0: local = 'x' * pad + local
    s = local + '@' + dom
    if rnd.random() < 0.15: s = rnd.choice(['Jean <', '"J\\"e" <', '<', 'a\u0301 <']) + s + rnd.choice(['>', '> ', '', '>x'])
    return s
compare([gen() for _ in range(n)], show=30)
