"""The build: handouts, slides, the student edition, the scaffold, the notebook lint and teaching notes.

Modules, one line each:

- ``pipeline``: the nbconvert preprocessors every output shares (execution in handout mode, tag
  removal, output clearing), page resources and the Jinja pages;
- ``handouts``: the HTML handouts (instructor and student editions), the index and the instructor guide;
- ``slides``: one offline reveal.js deck per notebook;
- ``deck``: the default slide plan (12–20 slides: goals first, sections and figures, summary last);
- ``navigation``: the handouts' previous/next links, contents lists, glossary page and link rewriting;
- ``offline``: the self-containment rule (no cell may load from outside the page);
- ``student``: the student edition's notebooks (solutions removed, outputs cleared);
- ``lint``: every way a notebook departs from the kit's template;
- ``teaching``: the teaching notes kept beside each notebook (``NN-slug.notes.md``);
- ``scaffold``: ``make new-article``: a new article's seed, ledger, notebook and questions.

Nothing outside ``helpers/build`` (and the tests, benchmarks, class server and the command line,
``helpers.__main__``) imports it. Run one with ``python -m helpers handouts`` (``slides``, ``student``).
"""
