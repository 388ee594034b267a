;;; digestkit.el --- DigestKit diagnostics in Markdown digests through eglot  -*- lexical-binding: t; -*-

;; Put this in your init file, or load it: (load "/path/to/editors/emacs/digestkit.el")
;; It needs markdown-mode (MELPA/NonGNU ELPA) and eglot (built in since Emacs 29).

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '((markdown-mode gfm-mode) . ("digestkit" "lsp"))))

;; eglot-ensure starts (or reuses) the server for the buffer's project; diagnostics arrive through Flymake.
(add-hook 'markdown-mode-hook #'eglot-ensure)

(provide 'digestkit)
;;; digestkit.el ends here
