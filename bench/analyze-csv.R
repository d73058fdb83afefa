#!/usr/bin/env Rscript
## R's survey package on the analyze-csv benchmark file, in its fastest form: one svydesign, then
## svymean (national) and svyby (by province and by agency) of every question.
##
##   Rscript bench/analyze-csv.R responses.csv national.csv
##
## Prints the seconds of each step; writes the national proportions (question, option, prop, se)
## so the benchmark can check that R and the command estimated the same thing.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
elapsed <- function(start) as.numeric((proc.time() - start)["elapsed"])
t0 <- proc.time()
df <- read.csv(args[1], colClasses = "character", na.strings = "")
df$stratum_N <- as.numeric(df$stratum_N)
qcols <- grep("^q[0-9]+$", names(df), value = TRUE)
mscols <- grep("^ms_", names(df), value = TRUE)
for (q in qcols) df[[q]] <- factor(df[[q]])
for (m in mscols) df[[m]] <- as.numeric(df[[m]])
cat(sprintf("read.csv: %.2f s\n", elapsed(t0)))
t1 <- proc.time()
des <- svydesign(ids = ~1, strata = ~agency, fpc = ~stratum_N, data = df)
cat(sprintf("svydesign: %.2f s\n", elapsed(t1)))
items <- c(as.list(qcols), list(mscols))
formula_of <- function(item) as.formula(paste("~", paste0("`", item, "`", collapse = " + ")))
t2 <- proc.time()
national <- list()
for (item in items) {
  f <- formula_of(item)
  m <- svymean(f, des, na.rm = TRUE)
  national[[length(national) + 1]] <- data.frame(
    item = paste(item, collapse = "+"), term = names(coef(m)),
    prop = as.numeric(coef(m)), se = as.numeric(SE(m)), stringsAsFactors = FALSE)
}
cat(sprintf("svymean (national): %.2f s\n", elapsed(t2)))
t3 <- proc.time()
for (item in items) invisible(svyby(formula_of(item), ~province, des, svymean, na.rm = TRUE))
cat(sprintf("svyby province: %.2f s\n", elapsed(t3)))
t4 <- proc.time()
for (item in items) invisible(svyby(formula_of(item), ~agency, des, svymean, na.rm = TRUE))
cat(sprintf("svyby agency: %.2f s\n", elapsed(t4)))
write.csv(do.call(rbind, national), args[2], row.names = FALSE)
cat(sprintf("total: %.2f s\n", elapsed(t0)))
