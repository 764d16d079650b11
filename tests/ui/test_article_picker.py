"""The article chooser: type to narrow 90 articles, tick several, two articles with one
title stay apart (outlet and day in the name)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from timeline.model import Article
from ui.article_picker import ArticlePicker
from ui.filter_bar import FilterBar


def _articles() -> list[Article]:
    many = [Article(text="", published=datetime(1998, 1, 1 + n % 28), title=f"Story {n}",
                    outlet="APW", id=n) for n in range(1, 91)]
    many += [Article(text="", published=datetime(1999, 5, 3), title="Abortion Foe Charged",
                     outlet="NYT", id=91),
             Article(text="", published=datetime(1999, 5, 5), title="Abortion Foe Charged",
                     outlet="APW", id=92)]
    return many


def test_typing_narrows_the_list_and_twins_stay_apart(qtbot):
    picker = ArticlePicker()
    qtbot.addWidget(picker)
    picker.set_articles(_articles())
    assert len(picker.shown_names()) == 92
    qtbot.keyClicks(picker.search_edit, "abortion foe")
    assert picker.shown_names() == ["Abortion Foe Charged (APW, 5 May 1999)",
                                    "Abortion Foe Charged (NYT, 3 May 1999)"]
    picker.search_edit.setText("nyt charged")  # every word, in any order
    assert picker.shown_names() == ["Abortion Foe Charged (NYT, 3 May 1999)"]


def test_ticking_several_articles_chooses_them_all(qtbot):
    picker = ArticlePicker()
    qtbot.addWidget(picker)
    picker.set_articles(_articles())
    items = {picker.list_widget.item(r).text(): picker.list_widget.item(r)
             for r in range(picker.list_widget.count())}
    with qtbot.waitSignal(picker.chosenChanged):
        items["Story 7 (APW, 8 Jan 1998)"].setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(picker.chosenChanged) as changed:
        items["Abortion Foe Charged (NYT, 3 May 1999)"].setCheckState(Qt.CheckState.Checked)
    assert changed.args[0] == {7, 91} and picker.text() == "2 articles"
    picker.all_button.click()
    assert picker.chosen() == frozenset() and picker.text() == "All articles"


def test_the_filter_bar_carries_the_ticks_and_the_precision(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_articles(_articles())
    with qtbot.waitSignal(bar.filterChanged) as changed:
        bar.article_picker.set_chosen({91, 92}, emit=True)
    assert changed.args[0].article_ids == {91, 92}
    with qtbot.waitSignal(bar.filterChanged) as changed:
        bar.precision_box.setCurrentIndex(bar.precision_box.findText("day or finer"))
    assert changed.args[0].query_kwargs()["min_precision"].value == "day"
    assert changed.args[0].query_kwargs()["article_ids"] == [91, 92]
    # A saved choice of articles not listed yet is kept until they are.
    later = FilterBar()
    qtbot.addWidget(later)
    later.set_filter(changed.args[0])
    assert later.current_filter() == changed.args[0]
    later.set_articles(_articles())
    assert later.current_filter().article_ids == {91, 92}


def test_a_long_list_is_filled_when_the_chooser_opens(qtbot, monkeypatch):
    import ui.article_picker as picker_module

    monkeypatch.setattr(picker_module, "FILL_AT_ONCE", 10)  # 92 articles count as many
    picker = ArticlePicker()
    qtbot.addWidget(picker)
    picker.set_chosen({91})
    picker.set_articles(_articles())
    assert picker.list_widget.count() == 0  # not filled when the listing lands
    assert picker.text().startswith("Abortion Foe Charged")  # the caption already names it
    picker.menu().aboutToShow.emit()  # opened
    assert picker.list_widget.count() == 92
    ticked = [picker.list_widget.item(row).data(picker_module.ID_ROLE)
              for row in range(picker.list_widget.count())
              if picker.list_widget.item(row).checkState() == Qt.CheckState.Checked]
    assert ticked == [91]
    picker.set_articles(_articles()[:50])  # listed again: emptied until opened again
    assert picker.list_widget.count() == 0
    assert len(picker.shown_names()) == 50
