"""The app's dialogs: date editor, pasted article, import results, publication date."""
