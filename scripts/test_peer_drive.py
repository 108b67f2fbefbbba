#!/usr/bin/env python3
"""Tests of peer_drive.py's parsing and table helpers: standard library only,
no network, no reader started. Run: python3 scripts/test_peer_drive.py"""
import os
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # no __pycache__ left in scripts/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_drive as pd  # noqa: E402


class Keys(unittest.TestCase):
    def test_escapes_and_controls(self):
        cases = [
            ('/word\\r', b'/word\r'),
            ('^Q', b'\x11'),
            ('^q', b'\x11'),
            ('\\e:q\\r', b'\x1b:q\r'),
            ('a\\\\b\\^c', b'a\\b^c'),
            ('é', 'é'.encode()),
            ('^', b'^'),
        ]
        for spec, want in cases:
            with self.subTest(spec=spec):
                self.assertEqual(pd.parse_keys(spec), want)

    def test_unknown_escape_is_an_error(self):
        with self.assertRaises(ValueError):
            pd.parse_keys('\\x')
        with self.assertRaises(ValueError):
            pd.parse_keys('^1')


class Size(unittest.TestCase):
    def test_sizes(self):
        self.assertEqual(pd.parse_size('200x60'), (200, 60))
        for bad in ('200', '0x60', '200x0', 'x', '20x6x1', ''):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                pd.parse_size(bad)


class Queries(unittest.TestCase):
    def test_finds_the_queries_a_reader_waits_on(self):
        data = b'\x1b[?1049h\x1b[6n\x1b[c hello \x1b]11;?\x07\x1b[14t'
        self.assertEqual(pd.queries_in(data),
                         ['DA1', 'DSR cursor', 'OSC colour', 'window pixels'])
        self.assertEqual(pd.queries_in(b'\x1b[2J\x1b[1;1Hplain text'), [])


class Needles(unittest.TestCase):
    def test_first_needle_is_in_the_body_not_the_title(self):
        text = ('# Floods close the harbour\n\n'
                'Lagos, May 2 (Wire) – The port authority closed the harbour '
                'on Monday after the storm.\n')
        self.assertEqual(pd.first_needle(text), 'The port authority closed the')

    def test_first_needle_skips_subheadings_and_markup(self):
        text = ('Title line\n\n## A subheading\n\n'
                'one two three four *five* six seven eight nine ten eleven\n')
        self.assertEqual(pd.first_needle(text), 'six seven eight nine ten')
        self.assertIsNone(pd.first_needle('Only a title\n'))

    def test_search_needle_is_a_number_written_once_with_a_neighbour(self):
        data = ('about 12,345 people here.\n' * 3 +
                'filler ' * 50 + '\nIn Oslo, 98,765 residents signed.\n' +
                'and 12,345 more\n').encode()
        num, found = pd.search_needle(data)
        self.assertEqual(num, '98,765')
        self.assertEqual(found, ['Oslo, 98,765', '98,765 residents'])

    def test_search_needle_none_without_a_unique_number(self):
        self.assertIsNone(pd.search_needle(b'no numbers at all\n'))
        self.assertIsNone(pd.search_needle(b'1,000 and 1,000\n'))

    def test_search_needle_only_in_the_tail(self):
        data = ('Early 55,555 one.\n' + 'x' * 5000 + '\nlate words only\n').encode()
        self.assertIsNone(pd.search_needle(data))

    def test_needles_reads_a_file(self):
        with tempfile.NamedTemporaryFile('w', suffix='.md', delete=False) as f:
            f.write('# T\n\nA, B (C) – one two three four five.\nsaw 4,321 birds\n')
        try:
            got = pd.needles(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(got, {'first': 'one two three four five.', 'search': '4,321',
                               'found': ['saw 4,321', '4,321 birds']})


class Table(unittest.TestCase):
    def test_medians_ratios_and_notes(self):
        def run(reader, first, search, peak=2048, notes=()):
            return {'file': 'f.md', 'reader': reader, 'label': reader + ' 1.0',
                    'first_ms': first, 'search_ms': search, 'peak_kib': peak,
                    'notes': list(notes)}
        records = [run('lede', 10, 20), run('lede', 30, 40), run('lede', 20, 30),
                   run('peer', 200, None, notes=['no search']),
                   run('peer', 100, None, notes=['no search']),
                   run('slow', None, None, peak=None, notes=['timeout'])]
        lines = pd.table(records).splitlines()
        self.assertEqual(len(lines), 5)
        self.assertEqual(lines[2], '| f.md | lede 1.0 | 20 (10) | 1.0x | 30 (20) | 1.0x | 2 | 3 |  |')
        self.assertEqual(lines[3], '| f.md | peer 1.0 | 150 (100) | 7.5x | - | - | 2 | 2 | no search |')
        self.assertEqual(lines[4], '| f.md | slow 1.0 | timeout | - | - | - | - | 1 | timeout |')

    def test_small_figures_keep_a_decimal(self):
        self.assertEqual(pd.fmt_ms(4.25), '4.2')
        self.assertEqual(pd.fmt_ms(1234.4), '1,234')
        self.assertEqual(pd.ratio(5, 20), '0.25x')
        self.assertEqual(pd.ratio(60000, 50), '1,200x')


if __name__ == '__main__':
    unittest.main()
