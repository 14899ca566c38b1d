"""The department filter and the search: the chip row, the picker, the field, the results."""
