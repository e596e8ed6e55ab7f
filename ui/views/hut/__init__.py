"""The love hut area (爱心扶贫小屋): ui/views/hut/area.py lays it out, each tab is a module of its own."""

from ui.views.hut.area import HutView, SetUpHutDialog

__all__ = ["HutView", "SetUpHutDialog"]
