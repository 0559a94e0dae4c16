//! Pipewise's entry point: mount the app.

fn main() {
    pipewise::start();
}
