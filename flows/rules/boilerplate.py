"""Line rules: which lines of a page are furniture (dropped) or metadata (read, then dropped).

Patterns run on one stripped line after width folding and OpenCC, so they are written in simplified
script with ASCII ":" and "()". Every pattern carries an example of a line it removes.
"""

from __future__ import annotations

import re

# Lines longer than this are paragraphs: no rule below is tried on them (speed, and safety).
MAX_FURNITURE_LEN = 150

# Page furniture: never article text. Rules in BOILERPLATE_START must match at the start of the line.
# Every alternative in BOILERPLATE_ANYWHERE starts with one literal character (Copyright|copyright, not
# [Cc]opyright) and they are joined without groups: the engine then skips to those characters instead
# of trying the pattern at every position (0.1 ms -> 7 us on a 3,000-character page).
BOILERPLATE_START = {
    "share": r"分享(?:到)?:?",  # "分享到:"
    "font_size": r"字号",  # "字号:  大 中 小"
    "image": r"\(?(?:图片|相关资料图|资料图片?|图\d+\s|点击图片)",  # "图片", "(相关资料图)", "图1  2018-2022年..."
    "counter": r"-?\s*(?:浏览|点击|阅读|访问)(?:量|数|次数)?\s*:",  # "- 浏览:166", "点击:[]"
    "editor": r"[【\[(]?\s*(?:责任编辑|编辑|审核|校对|监制|值班编辑|美编)\s*[:/]",  # "【编辑:孙亭文】", "(责任编辑:梁艳)"
    "crumbs": r"(?:首页\s|您的(?:当前)?位置|当前位置)",  # "首页 资讯 正文", "您的当前位置: >首页 -> ..."
    "tags": r"(?:关键词|关键字|标签|TAG)\s*:",  # "关键词: 同比增长", "标签:"
    "pager": r"(?:上一[条篇页]|下一[条篇页])",  # "上一条:《政府工作报告》摘要(二)"
    "actions": r"[【\[]?(?:关闭|打印|顶部|返回顶部|收藏|关闭窗口)[】\]]",  # "【关闭窗口】", "关闭】【顶部"
    "more": r"(?:>>|(?:新闻推荐|图片欣赏|精彩资讯|频道简介|相关新闻|热点推荐|(?i:rss))$)",  # ">>最新信息", "rss"
    "contact": r"(?:电话|总机|技术支持|新闻热线|联系电话|QQ|制作|传真|邮箱|E-?mail)\s*:",  # "总机:010-12345678"
    "welcome": r"(?:您好,)?欢迎(?:来到|访问|光临)",  # "您好,欢迎来到某某信息网"
    "original_title": r"原标题\s*:",  # "原标题:本市2023年第一批重大项目集中开工建设"
    "symbols": r"[\W_]{0,6}$",  # "|", "--"; "01" is kept: digits are \w
}
BOILERPLATE_ANYWHERE = {
    "copyright": r"Copyright|copyright|COPYRIGHT|All [Rr]ights|all [Rr]ights|©|版权所有|版权声明",  # "Copyright ©1999-2024 chinanews.com"
    "licence": r"ICP|许可证|公网安备|备案号",  # "[京ICP证040655号]", "[网上传播视听节目许可证(0106168)]"
    "reprint": r"本网站所刊载|未经授权|转载请注明|如需转载|刊用本网站|不代表本网",  # "未经授权禁止转载、摘编..."
    "crumbs": r">.*(?:>|»)|».*(?:>|»)",  # "新浪首页 > 新闻中心 > 国内新闻", "首页 >> 新闻动态 >> 正文"
    "menu": r"\|[^|]{1,8}\|",  # "网站简介 | 网站导航 | 广告服务 | ..."
    "more": r"更多\s*>>",  # "...中国商务部中国发改委更多>>"
    "leaving": r"即将离开|是否继续|已归档",  # "您访问的链接即将离开“首都之窗”门户网站 是否继续?"
    "html_debris": r"-->|<!--|enpproperty",  # "--> 2023-02-11 170亿元 7 7 农村新报 content_211325.html"
}

# Header lines that carry metadata (matched at the start of a line); metadata.py reads them, the
# article text drops them.
# Labelled: "- 时间:2023-08-08", "来源:云南日报", "来源/博乐市融媒体中心",
# "日期:2022年03月15日   作者:   来源:某县融媒体中心", "记者:张明 李华".
META_LABELLED = r"-?\s*(?:发布)?(?:时间|日期|来源|作者|稿源|出处|记者|通讯员|撰文|摄影)\s*[:/]"
# A full date opening a line with nothing sentence-like after it: "2024-05-12 21:12:41 来源:昆明发布",
# "http://www.example.com 2001年10月22日 08:15 中新社", "2025年03月09日 10时41分 某某日报 |",
# "15.03.2023  09:30", "2023年02月11日". Not "2015年6月8日,某市首趟班列开行..." (a comma follows).
META_DATELINE = (r"(?:https?://\S+\s+)?(?:(?:19|20)\d\d(?:-\d\d?-\d\d?|年\d\d?月\d\d?日)|\d\d?\.\d\d?\.(?:19|20)\d\d)"
                 r"[^,。;!?]*$")

FURNITURE_START = re.compile("|".join(f"(?:{p})" for p in [*BOILERPLATE_START.values(), META_LABELLED,
                                                             META_DATELINE]))
FURNITURE_ANYWHERE = re.compile("|".join(BOILERPLATE_ANYWHERE.values()))
# The letters and CJK characters a FURNITURE_START match can open with (its first literals, "h" of
# "http", R of "rss"). Symbols, spaces and digits can open one too; normalize lets those through
# untested. A rule added above must add its first characters here: test_normalize checks the examples.
FURNITURE_FIRST = frozenset("分字图相资点浏阅访责编审校监值美首您当关标T上下打顶返收新精频热rR电总技联Q制传邮E欢原"
                            "发时日来作稿出记通撰摄h")

# Site and organisation names heading a page, never its headline: "中新网", "新浪网新闻中心",
# "某县人民政府", "某市统计局", "国家统计局某市调查队".
SITE_NAME = re.compile(r"^.{0,12}(?:网|网站|新闻中心|新闻网|人民政府|政府|统计局|调查队|频道|门户)$")
