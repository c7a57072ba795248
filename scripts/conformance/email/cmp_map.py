import unicodedata as u, sys
sys.path.insert(0,'target/conformance-venv/lib/python3.11/site-packages')
import idna
from idna import idnadata
from idna.intranges import intranges_contain
from email_validator.syntax import uts46_valid_char
rmap={}
for line in open('/tmp/rust_map.txt'):
    p=line.rstrip('\n').split(' ')
    cp=int(p[0],16)
    rmap[cp]=(p[1],p[2],''.join(chr(int(x,16)) for x in p[3].split(',') if x))
# 1. mapping comparison for chars passing prechecks
mis=0; dis_mis=0
for cp,(f,ok,rest) in rmap.items():
    ch=chr(cp)
    if u.category(ch)[0] in 'CZ' or not uts46_valid_char(ch): continue
    try: py=idna.uts46_remap('0'+ch, std3_rules=False)[1:]
    except idna.IDNAError: py=None
    rs=None if '\ufffd' in rest else rest
    if py!=rs:
        mis+=1
        if mis<20: print('map mismatch',hex(cp),repr(py),repr(rs))
print('map mismatches',mis)
# 2. derived PVALID
def regexcat(cp): return u.category(chr(cp))
cat16={}
for line in open('/tmp/regex_gc.txt'):
    if line.startswith('age'): continue
    hx,c=line.split(); cat16[int(hx,16)]=c
EXC_P={0xDF,0x3C2,0x6FD,0x6FE,0xF0B,0x3007}
EXC_D={0x640,0x7FA,0x302E,0x302F,0x3031,0x3032,0x3033,0x3034,0x3035,0x303B}
def blocked(cp):
    return 0x20D0<=cp<=0x20FF or 0x1D100<=cp<=0x1D1FF or 0x1D200<=cp<=0x1D24F or 0x1100<=cp<=0x11FF or 0xA960<=cp<=0xA97F or 0xD7B0<=cp<=0xD7FF
def derived(cp):
    if cp in EXC_P: return True
    if cp in EXC_D: return False
    if cat16.get(cp) not in ('Ll','Lu','Lo','Lm','Nd','Mn','Mc'): return False
    if blocked(cp): return False
    f,ok,rest=rmap[cp]
    return rest==chr(cp)
mm=[]
for cp in range(0x80,0x110000):
    if 0xD800<=cp<=0xDFFF: continue
    py=intranges_contain(cp, idnadata.codepoint_classes['PVALID'])
    d=derived(cp)
    if py!=d: mm.append((cp,py,d,u.category(chr(cp)),cat16.get(cp),u.name(chr(cp),'?')))
print('pvalid mismatches',len(mm))
import collections
print(collections.Counter((x[1],x[3]) for x in mm))
for x in mm[:60]: print(hex(x[0]),x[1:])
print('derived true on Cn14', sum(1 for cp in range(0x80,0x110000) if not (0xD800<=cp<=0xDFFF) and u.category(chr(cp))=='Cn' and derived(cp)))
print('old hangul pvalid?', any(intranges_contain(c, idnadata.codepoint_classes['PVALID']) for c in list(range(0x1100,0x1200))+list(range(0xA960,0xA980))+list(range(0xD7B0,0xD800))))
extra=[cp for cp in range(0x80,0x110000) if not (0xD800<=cp<=0xDFFF) and intranges_contain(cp, idnadata.codepoint_classes['PVALID']) and not derived(cp)]
rs=[]
for c in extra:
    if rs and rs[-1][1]==c-1: rs[-1][1]=c
    else: rs.append([c,c])
print('extra pvalid', len(extra), 'ranges', len(rs), set(u.category(chr(c)) for c in extra))
