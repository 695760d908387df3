//! What the browser tests share: the bundled dataset as the page has it once its long texts
//! are attached. The tests run with the page's build (`--no-default-features`), where the
//! texts come in a pack of their own, as the page fetches them.

use ict_compare::bindings_for_tests::JsDataset;

/// The texts pack the build made beside the engine's pack.
pub static TEXTS: &[u8] = include_bytes!("../../src/dataset/bundled-texts.pack");

/// The bundled dataset with its long texts attached.
pub fn bundled() -> JsDataset {
    let mut dataset = JsDataset::bundled().expect("the bundled dataset loads");
    dataset.attach_texts(TEXTS).expect("its texts attach");
    dataset
}
