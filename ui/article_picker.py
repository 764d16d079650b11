"""The filter bar's article chooser: a button that opens a list of the articles with a
search box above it; type to narrow the list, tick any number of articles.

With 90 articles a combo box is a long scroll and holds one choice; analysts compare a
few sources at a time. Each article is named by its title, outlet and publication day,
so two articles with one title stay apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from timeline.export.citation import citation_date
from timeline.model import Article
from ui.state.listing import article_label

ID_ROLE = Qt.ItemDataRole.UserRole
# Past this many articles the list is filled when the chooser opens, not when a listing
# lands: 20,000 items would hold the GUI thread for a second or more at every start.
FILL_AT_ONCE = 2_000


def picker_label(article: Article) -> str:
    """Return the name an article has in the chooser: title (outlet, day)."""
    details = ", ".join(part for part in (article.outlet, citation_date(article.published))
                        if part)
    return f"{article_label(article)} ({details})" if details else article_label(article)


class ArticlePicker(QToolButton):
    """Emits chosenChanged(frozenset of article ids) when the ticks change; none ticked
    means all articles."""

    chosenChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articlePicker")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._chosen: frozenset[int] = frozenset()
        self._names: dict[int, str] = {}
        self._filled = True  # whether list_widget holds _names
        self.popup = QWidget()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("articleSearch")
        self.search_edit.setPlaceholderText("Type to find an article")
        self.search_edit.setClearButtonEnabled(True)
        self.list_widget = QListWidget()
        self.list_widget.setObjectName("articleList")
        self.list_widget.setMinimumSize(460, 320)
        self.all_button = QPushButton("All articles")
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_widget)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.all_button)
        layout.addLayout(buttons)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.popup)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._fill_if_needed)
        menu.aboutToShow.connect(self.search_edit.setFocus)
        self.setMenu(menu)
        self.search_edit.textChanged.connect(self.narrow)
        self.list_widget.itemChanged.connect(self._ticked)
        self.all_button.clicked.connect(lambda: self.set_chosen(frozenset(), emit=True))
        self._show_caption()

    def set_articles(self, articles: Iterable[Article],
                     labels: Mapping[int, str] | None = None) -> None:
        """List these articles, named by ``labels`` (article id -> name, e.g. the lanes'
        names) else by picker_label, keeping the ticks of those still listed (and the
        choice of ones not listed yet, e.g. a saved filter before the first listing)."""
        self._names = {a.id: labels[a.id] if labels is not None and a.id in labels
                       else picker_label(a) for a in articles if a.id is not None}
        self._filled = False
        if len(self._names) <= FILL_AT_ONCE:
            self._fill_if_needed()
        elif self.list_widget.count():
            self.list_widget.clear()  # no names of a former listing until it is filled
        self._show_caption()

    def _fill_if_needed(self) -> None:
        """Fill the list with the articles held (once after set_articles)."""
        if self._filled:
            return
        self._filled = True
        self.list_widget.blockSignals(True)
        self.list_widget.clear()
        for article_id, name in sorted(self._names.items(), key=lambda kv: kv[1].lower()):
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, article_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if article_id in self._chosen
                               else Qt.CheckState.Unchecked)
            self.list_widget.addItem(item)
        self.list_widget.blockSignals(False)
        self.narrow(self.search_edit.text())

    def chosen(self) -> frozenset[int]:
        """Return the ids of the ticked articles (empty: all)."""
        return self._chosen

    def set_chosen(self, ids: Iterable[int], *, emit: bool = False) -> None:
        """Tick exactly ``ids``; emits chosenChanged when ``emit`` and they differ."""
        wanted = frozenset(ids)
        changed = wanted != self._chosen
        self._chosen = wanted
        self.list_widget.blockSignals(True)
        # Not filled yet: the ticks are set when it is, from _chosen.
        for row in range(self.list_widget.count() if self._filled else 0):
            item = self.list_widget.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted
                               else Qt.CheckState.Unchecked)
        self.list_widget.blockSignals(False)
        self._show_caption()
        if emit and changed:
            self.chosenChanged.emit(wanted)

    def narrow(self, text: str) -> None:
        """Show only the articles whose name holds every word of ``text`` (any case)."""
        words = text.lower().split()
        for row in range(self.list_widget.count() if self._filled else 0):
            item = self.list_widget.item(row)
            name = item.text().lower()
            item.setHidden(not all(word in name for word in words))

    def shown_names(self) -> list[str]:
        """Return the names the narrowed list shows, in order."""
        self._fill_if_needed()
        return [self.list_widget.item(row).text() for row in range(self.list_widget.count())
                if not self.list_widget.item(row).isHidden()]

    def _ticked(self, item: QListWidgetItem) -> None:
        article_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            wanted = self._chosen | {article_id}
        else:
            wanted = self._chosen - {article_id}
        self._chosen = frozenset(wanted)
        self._show_caption()
        self.chosenChanged.emit(self._chosen)

    def _show_caption(self) -> None:
        if not self._chosen:
            self.setText("All articles")
        elif len(self._chosen) == 1:
            [only] = self._chosen
            name = self._names.get(only, f"article {only}")
            self.setText(name if len(name) <= 40 else name[:39] + "…")
        else:
            self.setText(f"{len(self._chosen)} articles")
        self.setToolTip("\n".join(self._names.get(i, f"article {i}")
                                  for i in sorted(self._chosen)) or "All articles")
