"""init"""
from typing import Sequence, Union

revision: str = "aaa111"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = ("core",)
depends_on: Union[str, Sequence[str], None] = None
