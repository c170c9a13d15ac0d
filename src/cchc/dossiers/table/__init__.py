"""Dossiers as a table (bảng hồ sơ): columns of millions of dossiers.

* loading and validation: :mod:`.frame` (``from_columns``, ``from_dataframe``,
  ``from_arrow``, ``read_csv``), :mod:`.columns`, :mod:`.checks`, :mod:`.csv_file`,
  :mod:`.bad_rows`;
* statistics, each rate defined once: :mod:`.statistics` (counts by :mod:`.counting`);
* reminders: :mod:`.reminders`; scale-out with Dask: :mod:`.dask_stats`;
* chunks of rows on a few threads: :mod:`.chunks`; one row as a Dossier: :mod:`.rows`;
  synthetic data for benchmarks and tests: :mod:`.synthetic`.

The rules themselves are applied by :mod:`cchc.dossiers.engine` (through
:func:`cchc.dossiers.evaluate`); nothing here re-states one.
"""
