function [X, y] = toyData(n, features)
%TOYDATA  n sequences of 4 to 9 time steps; y is 1 when the first feature's mean is positive, else 0.
X = cell(n, 1);
y = zeros(n, 1);
for i = 1:n
  X{i} = randn(features, 4 + mod(i * 7, 6));
  y(i) = double(mean(X{i}(1, :)) > 0);
end
end
