function [X_train, y_train, X_val, y_val, X_test, y_test] = loadDigits(count)
%LOADDIGITS  The handwritten digits of data/digits.csv.gz as sequences, split at random 60/20/20 into
%   training, validation and test parts (the split follows rng).
%   [X_train, y_train, X_val, y_val, X_test, y_test] = loadDigits()       all 1797 digits
%   [...] = loadDigits(count)                                              the first COUNT digits
%   Each 8x8 image, read row by row, is a sequence of 8 time steps of 8 features (pixels scaled to [0, 1]):
%   X{i} is 8-by-8, column t the pixel row t. The labels are categorical (bigru.setup provides one where the
%   interpreter has none), with the categories '0' to '9'.
folder = tempname();
csv = gunzip(fullfile(fileparts(mfilename('fullpath')), 'data', 'digits.csv.gz'), folder);
D = dlmread(csv{1}, ',');
delete(csv{1});
rmdir(folder);
if nargin > 0
  D = D(1:count, :);
end
n = size(D, 1);
X = cell(n, 1);
for i = 1:n
  X{i} = reshape(D(i, 1:64), 8, 8) / 16;
end
y = categorical(D(:, 65), 0:9);
order = randperm(n);
nTrain = round(0.6 * n);
nVal = round(0.2 * n);
train = order(1:nTrain);
val = order(nTrain + 1:nTrain + nVal);
test = order(nTrain + nVal + 1:end);
X_train = X(train); y_train = y(train);
X_val = X(val);     y_val = y(val);
X_test = X(test);   y_test = y(test);
end
