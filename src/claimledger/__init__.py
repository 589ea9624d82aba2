"""claimledger: a ledger of attributed quantitative claims from news articles.

`claimledger.quantities(text, lang="en")` lists every quantity in a text (the standalone
quantity layer, claimledger.quantity_layer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The module of the claim-stage scanner is loaded first, so that the function below, not the
# module, is what `claimledger.quantities` names.
from claimledger import quantities as _scanner_module  # noqa: F401

if TYPE_CHECKING:
    from claimledger.quantities import Quantity

__version__ = "0.1.0"


def quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Every quantity in `text`: value, range, unit, normalised value, qualifier, change,
    offsets and the object counted (see claimledger.quantity_layer)."""
    from claimledger.quantity_layer import extract_quantities

    return extract_quantities(text, lang)
