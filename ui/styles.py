"""How the shared buttons look: style sheets more than one module sets (no Qt).

The stand-in of the department button (drawn before the filter bar exists)
must be as high as the real button, so both take the style from here.
"""
from __future__ import annotations

BUTTON_IDLE = ("QToolButton { border: 1px solid #c4c7cc; border-radius: 10px;"
               " padding: 3px 10px; color: #444; }")
BUTTON_CHIP = ("QToolButton { background: #ffe8a3; border: 1px solid #d9a400;"
               " border-radius: 10px; padding: 3px 10px; font-weight: bold; color: #3d2e00; }")
ROLE_TOGGLE = ("QToolButton { border: 1px solid #c4c7cc; border-radius: 9px; padding: 1px 7px;"
               " color: #666; } QToolButton:checked { background: #d3e3fd; color: #0b3a8c;"
               " border-color: #7ba4e0; }")
FILTER_NOTE = "color: #7a5b00; font-weight: bold;"  # the status bar's note of the filter
