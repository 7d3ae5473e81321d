% forecastWeather  The reference Keras regression workflow in MATLAB's idiom, on Seattle's daily weather.
%
%  1. Read the table; drop the first column (the date) and keep the numeric columns, the target last:
%     precipitation, temp_min, wind -> temp_max (the 'weather' word column is left out).
%  2. Split chronologically, 80/20, no shuffling.
%  3. Standard-scale, fitting on the training part only (the target too; predictions are scaled back).
%  4. Build sequences (the Keras script's defect): look-back windows of the past lookBack days, with the
%     target of every day in the window (OutputMode 'sequence', as Keras's return_sequences=True).
%  5. BiGRU(64) then a dense layer of 1, mean squared error, Adam, 10 epochs, batches of 32.
%  6. Predict the test days (the last step of each window), print RMSE, MAE and R^2, and plot actual (dark
%     orange) against predicted (navy), "BiGRU Regression Fit Comparison".
%
% Variables that may be set before running it: maxEpochs (default 10), verbose (default true),
% lookBack (default 14), plotFile (default '': show the figure; a file name: save it there).

if ~exist('maxEpochs', 'var'), maxEpochs = 10; end
if ~exist('verbose', 'var'), verbose = true; end
if ~exist('lookBack', 'var'), lookBack = 14; end
if ~exist('plotFile', 'var'), plotFile = ''; end
rng(0);

% ---- 1. the table
here = fileparts(mfilename('fullpath'));
fid = fopen(fullfile(here, 'data', 'seattle-weather.csv'), 'r');
columns = textscan(fid, '%s %f %f %f %f %s', 'Delimiter', ',', 'HeaderLines', 1);
fclose(fid);
precipitation = columns{2}; temp_max = columns{3}; temp_min = columns{4}; wind = columns{5};
features = [precipitation, temp_min, wind];
target = temp_max;
rows = size(features, 1);

% ---- 2. chronological split of the rows, 3. scaling fitted on the training rows
nTrain = floor(0.8 * rows);
mu = mean(features(1:nTrain, :), 1);
sigma = std(features(1:nTrain, :), 0, 1);
scaled = (features - mu) ./ sigma;
yMu = mean(target(1:nTrain));
ySigma = std(target(1:nTrain));
yScaled = (target - yMu) / ySigma;

% ---- 4. look-back windows: window t covers rows t-lookBack+1 .. t; its last row decides train or test
last = (lookBack:rows)';
X = arrayfun(@(t) scaled(t - lookBack + 1:t, :)', last, 'UniformOutput', false);
Y = arrayfun(@(t) yScaled(t - lookBack + 1:t)', last, 'UniformOutput', false);
inTrain = last <= nTrain;
X_train = X(inTrain);  Y_train = Y(inTrain);
X_test = X(~inTrain);

% ---- 5. the model and training
layers = [
    sequenceInputLayer(size(features, 2))
    bigruLayer(64, 'OutputMode', 'sequence')
    fullyConnectedLayer(1)
    regressionLayer ];
options = trainingOptions('adam', 'MaxEpochs', maxEpochs, 'MiniBatchSize', 32, ...
                          'Shuffle', 'every-epoch', 'Verbose', verbose);
net = trainNetwork(X_train, Y_train, layers, options);

% ---- 6. evaluation on the test days
out = predict(net, X_test);
predicted = cellfun(@(o) o(end), out) * ySigma + yMu;
actual = target(last(~inTrain));
rmse = sqrt(mean((actual - predicted) .^ 2));
mae = mean(abs(actual - predicted));
r2 = 1 - sum((actual - predicted) .^ 2) / sum((actual - mean(actual)) .^ 2);
fprintf('Test RMSE: %.4f\n', rmse);
fprintf('Test MAE: %.4f\n', mae);
fprintf('Test R^2: %.4f\n', r2);

try
  if isempty(plotFile)
    figure;
  else
    figure('Visible', 'off');
  end
  plot(actual, 'Color', [1 0.549 0]);           % dark orange
  hold on;
  plot(predicted, 'Color', [0 0 0.502]);        % navy
  hold off;
  title('BiGRU Regression Fit Comparison');
  xlabel('Sample index');
  ylabel('temp\_max (degrees C)');
  legend('Actual', 'Predicted');
  grid on;
  if ~isempty(plotFile)
    print(plotFile, '-dpng');
  end
catch err
  fprintf('The plot could not be drawn here: %s\n', err.message);
end
