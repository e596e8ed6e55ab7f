"""Printed papers: the PDFs carry the right words as real text, hide what must stay private, and save where asked."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.phone import mask_phone
from desktop.services.activities import ActivityInfo, ParticipantInfo, SignInSheet
from desktop.services.certificates import CertificateInfo, ServiceLine
from desktop.services.good_people import NominationInfo
from ui import printing

ID_NUMBER = "220802199001011234"


def pdf_text(path: Path) -> str:
    """Every page's text with the layout's spaces and line breaks taken out, so words split over lines match."""
    reader = pypdf.PdfReader(path)
    return re.sub(r"\s", "", "".join(page.extract_text() for page in reader.pages))


def pdf_lines(path: Path, page: int = 0) -> dict[float, str]:
    """The printed lines of a page, top first, by their height on the page (in points from the bottom), each
    line's text without spaces: what sits on one line of paper."""
    lines: dict[float, str] = {}

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            y = round(tm[5] * cm[3] + cm[5])
            lines[y] = lines.get(y, "") + re.sub(r"[\s\u2060]", "", text)

    pypdf.PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return dict(sorted(lines.items(), reverse=True))


def certificate(**changes) -> CertificateInfo:
    values = dict(
        id="c1", number="2026-AB12-0007", volunteer_id="v1", name="张秀兰", id_shown="2208**********1234",
        volunteer_number="V0012", issued_on="2026-11-29", period_from="2026-01-01", period_to="2026-11-29",
        hours=36.5, content=(ServiceLine("2026-03-06", "学雷锋志愿服务岗", 3.0),
                             ServiceLine("2026-05-01", "环境整治<清扫>  村口", 4.0)),
        issuer="幸福村村民委员会", reprint_of="", issued_by_name="王主任")
    values.update(changes)
    return CertificateInfo(**values)


def sign_in_sheet(people: int = 2) -> SignInSheet:
    activity = ActivityInfo(
        id="a1", kind="volunteer_day", title="周五志愿服务日", date="2026-12-04", start_time="14:00",
        end_time="17:00", place="村委会广场", team_id="t1", team_name="幸福村志愿服务队", description="",
        trained="", status="planned", closed_on="", hours_each=3.0, rostered=2, attended=0)
    rows = (ParticipantInfo("p1", "v1", "李四", "13912345678", True, False, "", "", 0.0),
            ParticipantInfo("p2", "v2", "王五", "0436-3212345", True, False, "14:00", "15:30", 0.0))
    rows += tuple(ParticipantInfo(f"p{n}", f"v{n}", f"志愿者{n}", f"1390000{n:04d}", True, False, "", "", 0.0)
                  for n in range(3, people + 1))
    return SignInSheet(activity, "幸福村", rows)


def nomination(name: str, category: str, deeds: str) -> NominationInfo:
    return NominationInfo("n-" + name, "v1", name, category, deeds, "村委会", "2026-11-01", "on_notice",
                          "2026-11-20", "2026-11-27", "", "")


def test_certificate_carries_its_words_as_real_text(qapp, tmp_path):
    path = tmp_path / "certificate.pdf"
    printing.certificate_pdf(certificate(), path, reprint=False)

    text = pdf_text(path)
    for expected in ("志愿服务证明", "证书编号：2026-AB12-0007", "张秀兰", "2208**********1234", "V0012",
                     "36.5小时", "幸福村村民委员会", "2026年11月29日", "2026年1月1日至2026年11月29日",
                     "学雷锋志愿服务岗", "环境整治<清扫>", "村口", "2026-05-01", "盖章"):
        assert expected in text
    assert ID_NUMBER not in text
    assert "补打" not in text and "REPRINT" not in text
    assert len(pypdf.PdfReader(path).pages) == 1


def test_certificate_writes_hours_and_dates_whole_and_leaves_out_what_is_missing(qapp, tmp_path):
    path = tmp_path / "certificate.pdf"
    for number in ("V0012", ""):  # lines fall differently: each way, no date or figure is cut in two
        printing.certificate_pdf(certificate(name="欧阳娜仁花", volunteer_number=number, period_from="2026-10-01",
                                             period_to="2026-11-29"), path, reprint=False)
        lines = pdf_lines(path).values()
        for whole in ("2026年10月1日", "2026年11月29日", "36.5小时", "2208**********1234"):
            assert any(whole in line for line in lines), f"{whole} is broken over two lines: {list(lines)}"

    text = pdf_text(path)
    assert "志愿者编号" not in text and "—" not in text  # no number: no line saying so
    assert "（身份证号2208**********1234）" in text
    assert "3小时" in text and "4小时" in text and "3.0" not in text  # as the screens write hours
    printing.certificate_pdf(certificate(id_shown="", volunteer_number=""), path, reprint=False)
    assert "兹证明张秀兰于" in pdf_text(path)  # neither: no brackets either


def test_a_short_certificate_fills_its_page(qapp, tmp_path):
    path = tmp_path / "certificate.pdf"
    printing.certificate_pdf(certificate(), path, reprint=False)

    page_height = float(pypdf.PdfReader(path).pages[0].mediabox.height)
    lines = pdf_lines(path)
    signed = [y for y, line in lines.items() if line == "2026年11月29日" or line.startswith("幸福村村民委员会")]
    assert signed and max(signed) < page_height / 3, "the signature is not at the foot of the page"
    title = next(y for y, line in lines.items() if line.startswith("志愿服务证明"))
    assert title < page_height * 0.85, "nothing but the number above the title"
    assert len(pypdf.PdfReader(path).pages) == 1


def test_a_sample_certificate_says_it_is_none_and_has_no_number(qapp, tmp_path):
    from desktop.paths import DataFolder
    from desktop.services.certificates import CertificateDraft

    draft = CertificateDraft("v1", "张秀兰", "2208**********1234", "V0012", "2026-01-01", "2026-11-29", 36.5,
                             certificate().content, "幸福村村民委员会")
    path = printing.certificate_sample(draft, today="2026-11-30", folder=DataFolder(tmp_path))
    text = pdf_text(path)
    assert "样张" in text and "不作证明使用" in text and "证书编号" not in text
    assert "2026年11月30日" in text and "36.5小时" in text


def test_reprinted_certificate_says_so(qapp, tmp_path):
    path = tmp_path / "reprint.pdf"
    printing.certificate_pdf(certificate(reprint_of="c0"), path, reprint=True)

    text = pdf_text(path)
    assert "补打件" in text and "REPRINT" in text
    assert "2026-AB12-0007" in text


def test_values_cannot_change_the_layout(qapp, tmp_path):
    path = tmp_path / "certificate.pdf"
    printing.certificate_pdf(certificate(name="<b>赵</b>&$number"), path, reprint=False)

    assert "<b>赵</b>&$number" in pdf_text(path)


def test_sign_in_sheet_has_the_activity_masked_phones_blank_lines_and_a_qr_code(qapp, tmp_path):
    path = tmp_path / "sheet.pdf"
    printing.sign_in_sheet_pdf(sign_in_sheet(), path)

    text = pdf_text(path)
    for expected in ("志愿服务活动签到表", "周五志愿服务日", "2026年12月4日", "14:00–17:00", "村委会广场",
                     "幸福村志愿服务队", "志愿服务日", "序号", "姓名", "联系电话", "签到", "签退", "备注",
                     "李四", "139****5678", "王五", "0436-***2345", "14:00–15:30"):
        assert expected in text
    assert "13912345678" not in text and "3212345" not in text
    # Two on the roster, then numbered blank lines for at least five walk-ins.
    assert "7" in pypdf.PdfReader(path).pages[0].extract_text().split()

    page = pypdf.PdfReader(path).pages[0]
    images = [item for item in page["/Resources"]["/XObject"].values()
              if item.get_object()["/Subtype"] == "/Image"]
    assert images, "the sheet carries no QR code image"
    qr = images[0].get_object()
    assert qr["/Width"] == qr["/Height"] >= 21  # a QR code is square, at least version 1's 21 modules


def test_a_long_roster_runs_over_pages_with_the_headings_on_each(qapp, tmp_path):
    path = tmp_path / "sheet.pdf"
    printing.sign_in_sheet_pdf(sign_in_sheet(people=45), path)

    pages = pypdf.PdfReader(path).pages
    assert len(pages) >= 2
    for page in pages:
        assert "签到" in page.extract_text() and "联系电话" in page.extract_text()
    text = pdf_text(path)
    assert "志愿者45" in text and "139****0045" in text and "50" in pages[-1].extract_text().split()


def test_the_sheets_qr_code_tells_a_phone_the_activity_in_plain_words(qapp, tmp_path, monkeypatch):
    coded: list[str] = []
    make = printing.qr_image
    monkeypatch.setattr(printing, "qr_image", lambda text: coded.append(text) or make(text))
    printing.sign_in_sheet_pdf(sign_in_sheet(), tmp_path / "sheet.pdf")

    assert coded == ["活动名称：周五志愿服务日\n活动类型：志愿服务日\n时间：2026年12月4日 14:00–17:00\n"
                     "地点：村委会广场\n村（社区）：幸福村"]

    sheet = sign_in_sheet()
    long = SignInSheet(replace(sheet.activity, title="村" * 200, place="组" * 200), "幸福村", sheet.rows)
    lines = printing.sign_in_qr_text(long).split("\n")
    assert lines[0] == "活动名称：" + "村" * 29 + "…" and lines[3] == "地点：" + "组" * 29 + "…"


def test_an_activitys_kind_is_named_on_the_sheet_as_in_the_list(qapp, tmp_path):
    from desktop.domain.volunteering import ActivityKind
    from ui.i18n import install_language
    from ui.programme import label

    chinese = {"volunteer_day": "志愿服务日", "leifeng_post": "雷锋岗值守", "training": "培训",
               "five_hundred": "“5个100”项目", "wish_delivery": "微心愿送达", "other": "其他"}
    assert set(chinese) == {kind.value for kind in ActivityKind}
    install_language("zh_CN")
    try:
        listed = {kind.value: label(ActivityKind, kind.value) for kind in ActivityKind}
    finally:
        install_language("en")
    assert listed == chinese  # the list's words, in Chinese
    assert {kind.value: printing.kind_text(kind.value) for kind in ActivityKind} == chinese  # whatever the language
    path = tmp_path / "sheet.pdf"
    post = sign_in_sheet()
    printing.sign_in_sheet_pdf(SignInSheet(replace(post.activity, kind="leifeng_post"), "幸福村", post.rows), path)
    assert "活动类型：雷锋岗值守" in pdf_text(path)


def test_qr_image_is_the_code_of_the_sheet_text(qapp):
    import segno

    text = "活动名称：周五志愿服务日\n村（社区）：幸福村"
    image = printing.qr_image(text)
    modules = segno.make(text, error="m").symbol_size(scale=12, border=2)
    assert (image.width(), image.height()) == modules


def test_phone_masking():
    assert mask_phone("13912345678") == "139****5678"
    assert mask_phone("0436-3212345") == "0436-***2345"
    assert mask_phone("010-87654321") == "010-****4321"
    assert mask_phone("") == ""


def test_honour_list_names_each_person_with_the_kind_of_deed(qapp, tmp_path):
    path = tmp_path / "honour.pdf"
    people = [nomination("赵大爷", "filial", "照顾瘫痪老伴二十年。"),
              nomination("钱六", "bravery", "跳河救起落水儿童。")]
    printing.honour_list_pdf("2026年度幸福村好人榜", people, path, today="2026-12-30")

    text = pdf_text(path)
    for expected in ("2026年度幸福村好人榜", "2026年12月30日", "赵大爷", "孝老爱亲", "照顾瘫痪老伴二十年。",
                     "钱六", "见义勇为", "跳河救起落水儿童。"):
        assert expected in text


def test_notice_gives_the_period_and_never_an_id_number(qapp, tmp_path):
    path = tmp_path / "notice.pdf"
    people = [nomination("赵大爷", "helping", f"帮邻居补办身份证 {ID_NUMBER} 的手续。"),
              nomination("孙七", "honesty", "拾金不昧。")]
    printing.notice_pdf(people, path, today="2026-11-19")

    text = pdf_text(path)
    for expected in ("2026年11月19日", "以下人员拟推荐为好人榜人选，现予公示，公示期2026年11月20日至2026年11月27日。",
                     "如有异议，请在公示期内向村委会反映。", "赵大爷", "助人为乐", "孙七", "诚实守信", "拾金不昧。"):
        assert expected in text
    assert not re.search(r"\d{15,18}|\d{6}[*]+\d{3}", text)


def test_save_and_open_writes_where_chosen_and_opens_it(qapp, tmp_path, monkeypatch):
    chosen = tmp_path / "sheet.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(printing, "choose_pdf_path", lambda parent, title, name: chosen)
    monkeypatch.setattr(printing, "open_pdf", lambda path: opened.append(path) or True)

    result = printing.save_and_open_pdf(None, None, "签到表.pdf",
                                        lambda path: printing.sign_in_sheet_pdf(sign_in_sheet(), path))

    assert result == chosen and chosen.exists()
    assert opened == [chosen]


def test_cancelled_save_writes_nothing(qapp, monkeypatch):
    monkeypatch.setattr(printing, "choose_pdf_path", lambda parent, title, name: None)
    written: list[Path] = []

    assert printing.save_and_open_pdf(None, None, "x.pdf", written.append) is None
    assert written == []


def test_a_folder_that_cannot_be_written_is_told_plainly(qtbot, tmp_path, monkeypatch):
    window = QWidget()
    qtbot.addWidget(window)
    target = tmp_path / "missing folder" / "sheet.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(printing, "choose_pdf_path", lambda parent, title, name: target)
    monkeypatch.setattr(printing, "open_pdf", lambda path: opened.append(path) or True)

    result = printing.save_and_open_pdf(window, None, "sheet.pdf",
                                        lambda path: printing.sign_in_sheet_pdf(sign_in_sheet(), path))

    assert result is None and opened == []
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "Could not save" in box.text() and str(target) in box.text()
    box.close()


@pytest.mark.parametrize("value, written", [("2026-11-29", "2026年11月29日"), ("2026-01-05", "2026年1月5日"),
                                            ("", "")])
def test_dates_are_written_the_chinese_way(value, written):
    assert printing.chinese_date(value) == written


def test_a_certificate_laid_out_before_its_number_is_written_with_one_layout(qapp, tmp_path, monkeypatch):
    """The register is locked while a certificate is written (a sync waits meanwhile): the paper is laid out
    beforehand, to fill its page, and written with one layout, the same paper as one laid out from scratch."""
    from desktop.services.certificates import CertificateDraft

    issued = certificate()
    draft = CertificateDraft("v1", issued.name, issued.id_shown, issued.volunteer_number, issued.period_from,
                             issued.period_to, issued.hours, issued.content, issued.issuer)
    plain = tmp_path / "plain.pdf"
    printing.certificate_pdf(issued, plain, reprint=False)
    laid_out = []
    layout = printing.layout_document
    monkeypatch.setattr(printing, "layout_document", lambda *args, **kwargs: laid_out.append(1) or layout(
        *args, **kwargs))
    paper = printing.CertificatePaper(tmp_path / "issued.pdf", reprint=False, today=issued.issued_on)
    paper.prepare(draft)
    before = len(laid_out)
    paper.write(issued)
    paper.keep()
    assert before > 1 and len(laid_out) - before == 1
    assert pdf_lines(tmp_path / "issued.pdf") == pdf_lines(plain)
