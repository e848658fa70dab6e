use crate::rules::helpers::{self, first_out_of_order, reorder_rows_fix, required_rank};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::{AttributeRow, AttributeTable, Method};

/// ## What it does
/// Checks the order of a request attribute table: rows marked `Yes` first, then the
/// others, each group in alphabetical order of the attribute name. `Conditionally` rows
/// may form their own group between the two, join the required ones, or sort among the
/// optional ones: the guide says only "required attributes first, then alphabetically".
/// The fix places them where it moves the fewest rows, so a `Yes (if …)` row that
/// slipped among the optional ones is swapped with its neighbour, not moved to the top.
/// Required path parameters may also come first in the order of the request line (`id`,
/// then `issue_iid`), as GitLab's pages list them: the guide's own example has one
/// required row, so either order of that group is accepted, and the fix keeps the one
/// that moves fewer rows. A path parameter that only
/// some of the request lines have (`id` in `GET /packages/x` and
/// `GET /projects/:id/packages/x`) is required with its line: it may lead with the other
/// path parameters, or sort by its own `Required`.
/// Alphabetical order may go character by character (`batch_number` before `batched`,
/// as editors sort lines) or letter by letter, underscores ignored (`batched` first, as
/// `sort` does in most locales); the fix writes the first.
/// A nested attribute (`parts[].name`, `assets:links`, `a.b`) may sit right after its
/// parent row, in any order among its siblings, whatever its own `Required` says: a
/// child required inside an optional parent is not required of the request.
///
/// ## Why is this bad?
/// "Sort the table by required attributes first, then alphabetically." Readers scan for
/// what they must send, then look attributes up by name; a fixed order makes both quick
/// and keeps diffs small.
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute | Type    | Required | Description          |
/// |-----------|---------|----------|----------------------|
/// | `color`   | string  | No       | Color of the widget. |
/// | `name`    | string  | Yes      | Name of the widget.  |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute | Type    | Required | Description          |
/// |-----------|---------|----------|----------------------|
/// | `name`    | string  | Yes      | Name of the widget.  |
/// | `color`   | string  | No       | Color of the widget. |
/// ````
///
/// ## Fix safety
/// Reordering whole rows keeps every row's content; the fix is safe. It is offered only
/// when the rows are plain consecutive lines.
#[derive(RuleMeta)]
#[rule(code = "AT003", name = "attribute-order", category = Attributes, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct AttributeOrder;

/// (required rank, place in the request line for required path parameters, name).
type Key = (u8, usize, String);

/// `as_required`: path parameters to rank as required whatever their `Required` says.
fn key(row: &AttributeRow, path_params: &[(&str, usize)], as_required: &[&str]) -> Key {
    let name = row
        .name
        .as_ref()
        .map_or_else(String::new, |n| n.name.to_ascii_lowercase());
    let rank = match row.required.as_ref() {
        _ if as_required.iter().any(|p| p.eq_ignore_ascii_case(&name)) => 0,
        required => required.map_or(2, |r| required_rank(&r.value)),
    };
    let place = match rank {
        // `issue_iid/merge_request_iid`: one row for the same place in several lines.
        0 => name
            .split('/')
            .filter_map(|part| path_params.iter().find(|(p, _)| p.eq_ignore_ascii_case(part)))
            .map(|(_, place)| *place)
            .min(),
        _ => None,
    };
    (rank, place.unwrap_or(usize::MAX), name)
}

/// Whether the rows follow one of the orders the guide allows. "Required attributes first,
/// then alphabetically" leaves some choices open: required path parameters in the order
/// of the request line or alphabetically; `Conditionally` rows as a group between, with
/// the required ones, or among the optional ones; nested rows by their own rank or under
/// their parent.
fn accepted(parents: Option<&[Option<usize>]>, keys: &[Key]) -> bool {
    // Most tables are in the first order tried: no copies for them.
    if in_order(keys) {
        return true;
    }
    let sorted = |keys: &[Key]| in_order(keys) || in_order(&alphabetical(keys));
    [None, Some(0), Some(2)].into_iter().any(|conditional| {
        let keys = with_conditional_rank(keys, conditional);
        sorted(&keys)
            || nested_keys(parents, &keys).is_some_and(|nested| {
                let alphabetical: Vec<_> = nested.iter().map(|((r, _, n), i)| ((*r, 0, n.clone()), *i)).collect();
                in_order(&nested) || in_order(&alphabetical)
            })
    })
}

/// The keys with required path parameters sorted by name, not by their place in the line.
fn alphabetical(keys: &[Key]) -> Vec<Key> {
    keys.iter().map(|(rank, _, name)| (*rank, 0, name.clone())).collect()
}

/// The keys with names compared letter by letter ([`helpers::letter_by_letter`]).
fn letter_by_letter(keys: &[Key]) -> Vec<Key> {
    keys.iter()
        .map(|(rank, place, name)| (*rank, *place, helpers::letter_by_letter(name)))
        .collect()
}

/// The keys with `Conditionally` rows (rank 1) moved to rank `to`, or kept as their own group.
fn with_conditional_rank(keys: &[Key], to: Option<u8>) -> Vec<Key> {
    keys.iter()
        .map(|(rank, place, name)| match (rank, to) {
            (1, Some(to)) => (to, *place, name.clone()),
            _ => (*rank, *place, name.clone()),
        })
        .collect()
}

/// How many rows a fix must move: those outside the longest run already in order.
fn rows_to_move(order: &[usize]) -> usize {
    // Patience sorting: `tails[k]` is the smallest end of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    for &from in order {
        let at = tails.partition_point(|&end| end < from);
        if at == tails.len() {
            tails.push(from);
        } else {
            tails[at] = from;
        }
    }
    order.len() - tails.len()
}

fn in_order<K: Ord>(keys: &[K]) -> bool {
    keys.windows(2).all(|w| w[0] <= w[1])
}

/// For each row, the row of its parent (`parts` for `parts[].name`); `None` when no row
/// has a parent row.
fn row_parents(table: &AttributeTable) -> Option<Vec<Option<usize>>> {
    let parent_of = |row: &AttributeRow| {
        let name = row.name.as_ref()?;
        let root = name.root();
        if root.len() == name.name.trim().len() {
            return None;
        }
        table
            .rows
            .iter()
            .position(|r| r.name.as_ref().is_some_and(|n| n.name.trim() == root))
    };
    let parents: Vec<Option<usize>> = table.rows.iter().map(parent_of).collect();
    parents.iter().any(Option::is_some).then_some(parents)
}

/// Keys that keep each nested row with its parent row ([`row_parents`]): the parent's
/// key, then the child's place in the table (siblings stay as written).
fn nested_keys(parents: Option<&[Option<usize>]>, keys: &[Key]) -> Option<Vec<(Key, usize)>> {
    let nested = parents?
        .iter()
        .enumerate()
        .map(|(i, parent)| match parent {
            Some(p) => (keys[*p].clone(), i + 1),
            None => (keys[i].clone(), 0),
        })
        .collect();
    Some(nested)
}

/// The `:name` parameters of the method's request lines with their place in the line
/// (the first place when lines disagree).
fn path_params(method: &Method) -> Vec<(&str, usize)> {
    let mut out: Vec<(&str, usize)> = Vec::new();
    for line in method.request_lines() {
        for (i, p) in line.params.iter().enumerate() {
            match out.iter_mut().find(|(n, _)| *n == p.value) {
                Some((_, place)) => *place = (*place).min(i),
                None => out.push((&p.value, i)),
            }
        }
    }
    out
}

impl Check for AttributeOrder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            let params = path_params(method);
            // `GET /packages/x` and `GET /projects/:id/packages/x`: `id` is required with
            // its line, so it may also lead the table with the other path parameters.
            let partial: Vec<&str> = params
                .iter()
                .map(|(name, _)| *name)
                .filter(|name| !method.path_param_in_every_line(name))
                .collect();
            for table in &method.request_tables {
                if table.rows.iter().any(|r| r.name.is_none()) {
                    continue;
                }
                let keys: Vec<Key> = table.rows.iter().map(|r| key(r, &params, &[])).collect();
                let parents = row_parents(table);
                let parents = parents.as_deref();
                if accepted(parents, &keys) {
                    continue;
                }
                let partial_keys: Option<Vec<Key>> = (!partial.is_empty())
                    .then(|| table.rows.iter().map(|r| key(r, &params, &partial)).collect())
                    .filter(|k| *k != keys);
                if partial_keys.as_ref().is_some_and(|k| accepted(parents, k)) {
                    continue;
                }
                if !helpers::orders_agree(keys.iter().map(|(_, _, name)| name.as_str()))
                    && [Some(&keys), partial_keys.as_ref()]
                        .into_iter()
                        .flatten()
                        .any(|k| accepted(parents, &letter_by_letter(k)))
                {
                    continue;
                }
                // `Conditionally` rows go where the fix moves the fewest rows, then the
                // shortest way (a `Yes (if …)` row among optional ones stays there); the
                // fix puts nested rows under their parent.
                // Path parameters may stay alphabetical when the table has them so.
                let has_places = |k: &[Key]| k.iter().any(|(_, place, _)| *place != usize::MAX);
                let variants: Vec<Vec<Key>> = [Some(&keys), partial_keys.as_ref()]
                    .into_iter()
                    .flatten()
                    .flat_map(|k| [Some(k.clone()), has_places(k).then(|| alphabetical(k))])
                    .flatten()
                    .collect();
                let best = [None, Some(0), Some(2)]
                    .into_iter()
                    .flat_map(|conditional| variants.iter().map(move |k| (k, conditional)))
                    .filter_map(|(keys, conditional)| {
                        let keys = with_conditional_rank(keys, conditional);
                        // Children sort after their parent (the parent's place is 0), as
                        // `accepted` checks them: without it the fix could leave a child
                        // above its parent and offer itself again.
                        let keys =
                            nested_keys(parents, &keys).unwrap_or_else(|| keys.into_iter().map(|k| (k, 0)).collect());
                        let (i, order) = first_out_of_order(&keys)?;
                        let distance: usize = order.iter().enumerate().map(|(at, from)| at.abs_diff(*from)).sum();
                        Some(((rows_to_move(&order), distance), keys, i, order))
                    })
                    .min_by_key(|(cost, ..)| *cost);
                let Some((_, keys, i, order)) = best else {
                    continue;
                };
                self.report(ctx, table, &keys, i, order, out);
            }
        }
    }
}

impl AttributeOrder {
    fn report(
        &self,
        ctx: &LintContext<'_>,
        table: &AttributeTable,
        keys: &[(Key, usize)],
        i: usize,
        order: Vec<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let (row, previous) = (&table.rows[i], &table.rows[i - 1]);
        let (Some(name), Some(prev_name)) = (&row.name, &previous.name) else {
            return;
        };
        let (key, previous_key) = (&keys[i].0, &keys[i - 1].0);
        let why = if key == previous_key {
            "a nested attribute comes right after its parent"
        } else if key.0 < previous_key.0 {
            "required attributes come first"
        } else if key.1 < previous_key.1 {
            "required path parameters come first, in the order of the request line"
        } else {
            "attributes of the same kind are sorted alphabetically"
        };
        let fix = ctx
            .page
            .table(table.table)
            .and_then(|t| reorder_rows_fix(ctx.source.text(), t, &order, "Sort the attribute rows"));
        out.push(
                ctx.report(
                    &Self::META,
                    name.range,
                    format!("`{}` should come before `{}`: {why}", name.name, prev_name.name),
                )
                .with_help("order rows: `Yes` first (path parameters in request-line order, or all alphabetically), then the others alphabetically (`Conditionally` ones may come first among them), nested attributes right under their parent")
                .with_fix(fix),
            );
    }
}
