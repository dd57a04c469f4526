//! The email addresses registered for a store (`cartsaver-desk store add URL --email ADDR`):
//! mail from one of them may file a ticket for the store and write into its tickets, beside the
//! ticket's own contact email. Addresses are kept lowercase (the domain's `parse_email`
//! normalized them); one address may serve several stores (an agency). No mail rules here.

use chrono::{DateTime, Utc};

use super::storage::Db;
use super::{DeskError, stores};
use crate::domain::email::Email;
use crate::domain::store::StoreUrl;
use crate::domain::timestamp::format_utc;

/// A registered address, as `store list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoreAddress {
    pub store: String,
    pub email: String,
    pub created_at: String,
}

/// Register `email` for `store` (adding the store if new). Returns whether it was new.
pub(crate) fn add(
    db: &Db,
    store: &StoreUrl,
    email: &Email,
    now: DateTime<Utc>,
) -> Result<bool, DeskError> {
    let now = format_utc(now);
    let address = email.as_str().to_lowercase();
    db.write(|tx| {
        let store_id = stores::ensure(tx, store.as_str(), &now)?;
        let added = tx.execute(
            "INSERT INTO store_addresses (store_id, address, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (store_id, address) DO NOTHING",
            &[&store_id, &address, &now],
        )?;
        Ok(added == 1)
    })
}

/// Every registered address (of `store`, if given), by store then address.
pub(crate) fn list(db: &Db, store: Option<&StoreUrl>) -> Result<Vec<StoreAddress>, DeskError> {
    let store = store.map(|url| url.as_str().to_string());
    db.read(|conn| {
        conn.rows(
            "SELECT s.url, a.address, a.created_at FROM store_addresses a
             JOIN stores s ON s.id = a.store_id
             WHERE CAST(?1 AS TEXT) IS NULL OR s.url = ?1
             ORDER BY s.url, a.address",
            &[&store],
            |row| {
                Ok(StoreAddress {
                    store: row.get(0)?,
                    email: row.get(1)?,
                    created_at: row.get(2)?,
                })
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::desk::testing::*;
    use crate::domain::email::parse_email;

    #[test]
    fn addresses_are_kept_lowercase_once_per_store() {
        let (_dir, core) = desk();
        let email = parse_email("Owner@Cool-Shop.com").unwrap().value;
        assert!(
            core.add_store_address(&store_url(SHOP), &email, t0())
                .unwrap()
        );
        assert!(
            !core
                .add_store_address(&store_url(SHOP), &email, t0())
                .unwrap()
        );
        assert!(
            core.add_store_address(&store_url(OTHER_SHOP), &email, t0())
                .unwrap()
        );
        let all = core.store_addresses(None).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].email, "owner@cool-shop.com");
        let one = core.store_addresses(Some(&store_url(OTHER_SHOP))).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].store, OTHER_SHOP);
    }
}
