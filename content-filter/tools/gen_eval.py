#!/usr/bin/env python3
"""Builds src/test/resources/eval/notices.tsv: hand-written notices plus template variants (fixed seed).

Columns: label <TAB> expected categories (comma separated, '-' for none) <TAB> text.
Labels: clean, banned, evasion, policy, personal, typo, grammar.
Run from content-filter/: python3 tools/gen_eval.py
"""
import random, os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TERMS = os.path.join(ROOT, "src/main/resources/cn/jiaxiao/filter/terms")
OUT = os.path.join(ROOT, "src/test/resources/eval/notices.tsv")
rnd = random.Random(20261121)

def idcard(prefix="430626", birth="20120315", seq="123"):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    body = prefix + birth + seq
    return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]

def luhn(payload):
    for d in "0123456789":
        s = payload + d
        tot = 0
        for i, c in enumerate(reversed(s)):
            v = int(c)
            if i % 2 == 1:
                v *= 2
                v -= 9 if v > 9 else 0
            tot += v
        if tot % 10 == 0:
            return s

rows = []
def add(label, cats, text):
    assert "\t" not in text and "\n" not in text
    rows.append((label, ",".join(cats) if cats else "-", text))

for line in open(os.path.join(HERE, "handwritten_clean.txt"), encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        add("clean", [], line)
for line in open(os.path.join(HERE, "handwritten_bad.txt"), encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    cats, text = line.split("\t", 1)
    text = text.replace("{ID}", idcard("110105", "20100307", "002")).replace("{BANK}", luhn("622202123456789012"))
    first = cats.split(",")[0]
    label = {"RANKING": "policy", "INDIVIDUAL_NEGATIVE": "policy", "COMMERCIAL": "policy", "UNKNOWN_LINK": "policy",
             "PERSONAL_DATA": "personal", "TYPO": "typo", "GRAMMAR": "grammar"}.get(first, "banned")
    add(label, cats.split(","), text)

# ---- clean notices from templates -------------------------------------------------------------------------
names = ["张子涵", "李浩然", "王一诺", "刘洋", "陈思远", "赵雨桐", "孙浩", "周欣怡", "吴俊杰", "郑可馨", "黄梓轩", "林晓"]
classes = ["初一（2）班", "初二（5）班", "三年级一班", "五年级三班", "高一（7）班", "七年级4班", "八年级2班"]
subjects = ["语文", "数学", "英语", "物理", "化学", "道德与法治", "历史", "地理", "生物", "科学"]
days = ["周一", "周二", "周三", "周四", "周五", "周六"]
dates = ["3月12日", "4月8日", "5月20日", "6月3日", "9月15日", "10月22日", "11月6日", "12月18日", "1月9日"]
places = ["科技馆", "博物馆", "植物园", "烈士陵园", "消防站", "农业科普基地", "图书馆", "青少年活动中心"]
times = ["7:30", "7:50", "8:00", "13:30", "14:00", "15:40", "16:30"]
sig = ["", "【示范中学】", "【实验小学】"]
clean_t = [
    "{sig}各位家长：{date}（{day}）学校组织{cls}学生前往{place}开展研学活动，{time}在校门口集合，请穿校服、带好水杯和雨具。",
    "{sig}{cls}家长您好，{subj}单元测试定于{date}进行，请督促孩子认真复习，考试时带好2B铅笔。",
    "{sig}期中考试安排：{date}上午{subj}，下午{subj2}。请考生提前15分钟进入考场，遵守考试纪律。",
    "{sig}因{reason}，原定{date}的{event}改期举行，具体时间另行通知，请家长相互转告。",
    "{sig}您好，您的孩子{name}今天{when}未到校，也未请假，请您尽快与班主任联系，确认孩子安全。",
    "{sig}紧急通知：{emergency}，请家长{time}前到校接孩子，路上注意安全。",
    "{sig}安全教育提醒：请家长教育孩子{safety}，共同守护孩子健康成长。",
    "{sig}{cls}将于{date}{day}晚上7点召开家长会，主题是{topic}，请家长准时参加。",
    "{sig}本学期{fee}，收费标准已经物价部门审核并公示，请家长于{date}前通过缴费平台缴纳，学校不收取现金。",
    "{sig}各位家长：{date}起，学校放学时间调整为{time}，请家长按时接孩子。",
    "{sig}温馨提示：{weather}，请家长提醒孩子{advice}。",
    "{sig}学校将于{date}举办{event}，欢迎家长到校观看，请孩子{advice2}。",
]
reasons = ["天气原因", "场地维修", "上级检查", "教师培训", "暴雨黄色预警", "疫情防控要求"]
events = ["春游活动", "校运动会", "家长开放日", "艺术节汇演", "科技节", "期中家长会", "体育测试"]
whens = ["上午", "下午", "第一节课", "早读时"]
emergencies = ["受台风影响，今天下午停课", "因暴雨黄色预警，今天提前放学", "学校附近燃气管道抢修，下午停课",
               "因大雪道路结冰，下午提前放学", "接气象部门通知，今晚有强对流天气，晚自习取消"]
safeties = ["远离赌博，不参与任何形式的网络赌博", "远离毒品，珍爱生命", "预防校园暴力，遇到欺凌及时告诉老师",
            "防诈骗，不轻信陌生来电和短信", "拒绝毒品，认清毒品的危害", "严禁参与赌博，发现赌博行为及时举报",
            "抵制色情和暴力等不良信息", "远离黄赌毒，做守法好少年", "不玩火、不玩电，注意用电安全",
            "防溺水，不私自下水游泳，不与同学结伴游泳", "识别电信诈骗，保护个人信息", "远离邪教，崇尚科学",
            "反对封建迷信，相信科学", "了解赌博的危害，自觉抵制网络赌博", "不沉迷网络游戏，不参与网络赌博",
            "预防校园欺凌和校园暴力，学会自我保护", "禁毒从我做起，远离毒品", "警惕网络赌博陷阱"]
topics = ["青春期心理健康", "如何陪伴孩子学习", "中考政策解读", "家庭教育与亲子沟通", "安全教育与防溺水"]
fees = ["教辅资料费", "课后服务费", "午餐费", "校服费", "住宿费"]
weathers = ["明天有寒潮，气温将降至零下", "近期雨水较多", "今天空气质量较差", "近期天气炎热，最高气温超过35度", "流感进入高发期"]
advices = ["添衣保暖", "带好雨具，注意路滑", "减少户外活动", "做好防暑降温，多喝水", "勤洗手、戴口罩"]
advices2 = ["穿校服", "带好水杯", "提前到校", "穿运动鞋"]
for i in range(140):
    t = clean_t[i % len(clean_t)]
    s1, s2 = rnd.sample(subjects, 2)
    text = t.format(sig=rnd.choice(sig), cls=rnd.choice(classes), date=rnd.choice(dates), day=rnd.choice(days),
                    place=rnd.choice(places), time=rnd.choice(times), subj=s1, subj2=s2, reason=rnd.choice(reasons),
                    event=rnd.choice(events), name=rnd.choice(names), when=rnd.choice(whens),
                    emergency=rnd.choice(emergencies), safety=safeties[i % len(safeties)], topic=rnd.choice(topics),
                    fee=rnd.choice(fees), weather=rnd.choice(weathers), advice=rnd.choice(advices),
                    advice2=rnd.choice(advices2))
    add("clean", [], text)

# ---- banned terms, plain and disguised ----------------------------------------------------------------------
t2s = {}
for line in open(os.path.join(ROOT, "src/main/resources/cn/jiaxiao/filter/normalize/t2s.tsv"), encoding="utf-8"):
    if "\t" in line and not line.startswith("#"):
        t, s = line.rstrip("\n").split("\t")
        t2s.setdefault(s, t)

def terms(cat):
    out = []
    for line in open(os.path.join(TERMS, cat.lower() + ".txt"), encoding="utf-8"):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if "?" in s[:2]:
            continue
        s = s.lstrip("~?")
        if "=" in s or s.isascii() or len(s) < 2:
            continue
        out.append(s)
    return out

wrappers = ["家长们，{t}，有意的私聊我。", "周末大家一起{t}，地方我来安排。", "听说了吗？{t}，赶紧告诉其他家长。",
            "{t}！！！", "班里有人说{t}，大家怎么看？", "这事我就直说了：{t}。", "我跟你们讲，{t}，信我的没错。"]
def evade(term, kind):
    if kind == "space":
        return " ".join(term)
    if kind == "punct":
        return rnd.choice(["*", ".", "-", "_", "·", "/", "|", "~", "#"]).join(term)
    if kind == "zero-width":
        return rnd.choice(["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]).join(term)
    if kind == "repeat":
        i = rnd.randrange(len(term))
        return term[:i] + term[i] * 2 + term[i:]
    if kind == "traditional":
        tr = "".join(t2s.get(c, c) for c in term)
        return tr if tr != term else "\u3000".join(term)
    if kind == "full-width-space":
        return "\u3000".join(term)
    if kind == "mixed":
        tr = "".join(t2s.get(c, c) for c in term)
        return " ".join(tr)
    return term

kinds = ["plain", "space", "punct", "zero-width", "repeat", "traditional", "full-width-space", "mixed"]
banned_cats = ["SUBVERSION", "RUMOUR", "OBSCENE_GAMBLING_VIOLENCE", "INSULT", "STATE_ORGANS", "SCHOOL_IMAGE", "NEGATIVE"]
k = 0
for cat in banned_cats:
    pool = terms(cat)
    rnd.shuffle(pool)
    for term in pool[:16]:
        kind = kinds[k % len(kinds)]
        k += 1
        text = rnd.choice(wrappers).format(t=evade(term, kind))
        add("banned" if kind == "plain" else "evasion", [cat], text)
# ASCII insults with full-width and case evasions
for t in ["ＳＢ", "S B", "s.b", "ＴＭＤ", "Tmd", "N M S L", "ｃｎｍ"]:
    add("evasion", ["INSULT"], "这个老师真是{}，天天拖堂。".format(t))
# digit styles: ① / ９ / 二 inside a numbered term is not in the lists, so use 六合彩 with circled/financial digits
for t in ["⑥合彩", "６合彩", "陆合彩", "6合彩", "六 合 彩"]:
    add("evasion", ["OBSCENE_GAMBLING_VIOLENCE"], "最新{}资料，买了稳赚。".format(t))

# ---- typos from the curated list in ordinary sentences ------------------------------------------------------
typo_lines = [l.strip() for l in open(os.path.join(TERMS, "typo.txt"), encoding="utf-8")
              if "=" in l and not l.startswith("#") and not l.startswith("?")]
rnd.shuffle(typo_lines)
typo_wrappers = ["各位家长：{w}，请大家相互转告。", "温馨提示，关于{w}的事项请留意班级通知。", "本周工作安排：{w}，谢谢配合。"]
for line in typo_lines[:40]:
    wrong, right = line.split("=")
    add("typo", ["TYPO"], rnd.choice(typo_wrappers).format(w=wrong))

# ---- policy and personal data -------------------------------------------------------------------------------
for i in range(10):
    a, b, c = rnd.sample(names, 3)
    add("policy", ["RANKING"], "{}成绩：{}{}分，{}{}分，{}{}分。".format(rnd.choice(subjects), a, rnd.randint(60, 100), b,
                                                                  rnd.randint(60, 100), c, rnd.randint(60, 100)))
for i in range(8):
    pre = rnd.choice(["430626", "110105", "320102", "440305"])
    birth = "20{:02d}{:02d}{:02d}".format(rnd.randint(8, 16), rnd.randint(1, 12), rnd.randint(1, 28))
    idn = idcard(pre, birth, "{:03d}".format(rnd.randint(0, 999)))
    add("personal", ["PERSONAL_DATA"], "请核对{}的身份证号{}，如有错误请告知班主任。".format(rnd.choice(names), idn))
for i in range(8):
    a = rnd.choice(names)
    cond = rnd.choice(["哮喘", "癫痫", "心脏病", "乙肝", "抑郁症", "糖尿病"])
    add("personal", ["PERSONAL_DATA"], "{}同学有{}，体育课请大家多照顾。".format(a, cond))
# random 18-digit numbers that fail the checksum are clean (order numbers, ticket numbers)
for i in range(10):
    while True:
        n = str(rnd.randint(10 ** 17, 10 ** 18 - 1))
        body = n[:17]
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        if "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11] != n[17]:
            break
    add("clean", [], "您的缴费订单号为{}，请妥善保存电子票据。".format(n))

# ---- held-out notices: written after the lists were frozen, reported separately -----------------------------
for line in list(open(os.path.join(HERE, "heldout.txt"), encoding="utf-8")) + \
        list(open(os.path.join(HERE, "heldout2.txt"), encoding="utf-8")):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    label, cats, text = line.split("\t", 2)
    add("heldout-" + label, [] if cats == "-" else cats.split(","), text)

# ---- confusable words (typo.confusable, jieba frequencies) ---------------------------------------------------
for line in open(os.path.join(HERE, "confusable.txt"), encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    label, cats, text = line.split("\t", 2)
    add("confusable-" + label, [] if cats == "-" else cats.split(","), text)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as f:
    f.write("# label\texpected_categories\ttext  (generated by tools/gen_eval.py; edit the hand-written sources there)\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
from collections import Counter
print(len(rows), Counter(r[0] for r in rows))
