"""Small helpers the test modules share."""
from __future__ import annotations

import pytest

from models.errors import BadGazetteError


def message_of(call) -> str:
    """The user's message of the BadGazetteError *call* raises (it must raise one)."""
    with pytest.raises(BadGazetteError) as info:
        call()
    return info.value.reason


# A task table (任务分工表) as offices write them; row 2 shares row 1's lead unit (merged cell).
TASK_ROWS = [["序号", "任务", "牵头单位", "配合单位", "完成时限"],
             ["1", "开展低速电动车摸底排查。", "区公安分局", "各镇人民政府", "2021年9月底前"],
             ["2", "设立限行标志，发布限行通告。", "区公安分局", "区交通运输局", "2021年10月底前"],
             ["3", "查处非法生产、销售行为。", "区市场监管局", "区工业和信息化局",
              "2021年12月底前"]]
TASK_CELLS = [tuple(TASK_ROWS[0]), tuple(TASK_ROWS[1]),
              ("2", TASK_ROWS[2][1], None, *TASK_ROWS[2][3:]), tuple(TASK_ROWS[3])]
