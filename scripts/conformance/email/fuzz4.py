import sys, random
sys.path.insert(0, '/tmp/gen')
from compare import compare
seed = int(sys.argv[1]); n = int(sys.argv[2])
rnd = random.Random(seed)
def rc():
    r = rnd.random()
    if r < 0.5: return chr(rnd.randint(0x20, 0x7e))
    if r < 0.7: return rnd.choice('@.<>"\\[]')
    while True:
        c = rnd.randint(0x80, 0x10FFFF) if rnd.random() < 0.3 else rnd.randint(0x80, 0x3000)
        if not 0xD800 <= c <= 0xDFFF: return chr(c)
def gen():
    s = ''.join(rc() for _ in range(rnd.randint(0, 40)))
    if rnd.random() < 0.5: s += '@' + ''.join(rc() for _ in range(rnd.randint(0, 8))) + '.fr'
    return s.replace('\r','').replace('\n','')
compare([gen() for _ in range(n)], show=10)
